# The value of `yield from` over a builtin iterator is None, even after
# another generator returned a value that nothing took (a `for` loop or
# list() ran it to its end).


def returns_seven():
    yield 1
    return 7


def delegate():
    r = yield from range(2)
    s = yield from [3]
    t = yield from returns_seven()
    print("values", r, s, t)


for x in returns_seven():
    pass
print(list(delegate()))
# expect: values None None 7
# expect: [0, 1, 3, 1]
print(list(returns_seven()))  # expect: [1]
print(list(delegate()))
# expect: values None None 7
# expect: [0, 1, 3, 1]
