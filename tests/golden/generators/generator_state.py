# Generators keep local state between yields, including in try/finally.
def stateful():
    seen = []
    for word in ["a", "b", "c"]:
        seen.append(word)
        yield list(seen)

for state in stateful():
    print(state)
    # expect: ['a']
    # expect: ['a', 'b']
    # expect: ['a', 'b', 'c']
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in with_cleanup():
    print("value", v)
    # expect: value 1
    # expect: value 2
def enumerate_again(items, start=0):
    n = start
    for item in items:
        yield n, item
        n += 1
print(list(enumerate_again("xyz", 1)))
def zip_again(a, b):
    ia = iter(a)
    ib = iter(b)
    while True:
        try:
            x = next(ia)
            y = next(ib)
        except StopIteration:
            return
        yield x, y
print(list(zip_again([1, 2, 3], "ab")))
# expect: cleanup
# expect: [(1, 'x'), (2, 'y'), (3, 'z')]
# expect: [(1, 'a'), (2, 'b')]
