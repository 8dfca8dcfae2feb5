# *args and **kwargs in definitions and calls.
def show(*args, **kwargs):
    print(args, sorted(kwargs.items()))

show()  # expect: () []
show(1, 2)  # expect: (1, 2) []
show(a=1)  # expect: () [('a', 1)]
show(1, "x", k=[1], j=None)  # expect: (1, 'x') [('j', None), ('k', [1])]
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3))  # expect: 1 6
values = (4, 5, 6)
print(total(*values), total(0, *values, 10))  # expect: 15 25
def describe(name, age, city="nowhere"):
    return f"{name}/{age}/{city}"
info = {"age": 30, "city": "Oslo"}
print(describe("Eve", **info))  # expect: Eve/30/Oslo
print(describe(*["Zed", 99]))  # expect: Zed/99/nowhere
print(describe(*("Kim",), **{"age": 5}))  # expect: Kim/5/nowhere
def forward(*args, **kwargs):
    return describe(*args, **kwargs)
print(forward("Lu", age=1))  # expect: Lu/1/nowhere
def mixed(a, b=2, *args, c, d=4, **rest):
    return (a, b, args, c, d, sorted(rest))
print(mixed(1, c=3))  # expect: (1, 2, (), 3, 4, [])
print(mixed(1, 5, 6, 7, c=8, e=9))  # expect: (1, 5, (6, 7), 8, 4, ['e'])
