# yield from delegates to sub-generators and returns their return value.
def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3
    yield from [4, 5]
    yield from range(6, 8)

print(list(outer()))
# expect: inner returned inner result
# expect: [1, 2, 3, 4, 5, 6, 7]
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]], 7])))  # expect: [1, 2, 3, 4, 5, 6, 7]
def tree(depth, label="r"):
    yield label
    if depth > 0:
        yield from tree(depth - 1, label + "L")
        yield from tree(depth - 1, label + "R")
print(list(tree(2)))  # expect: ['r', 'rL', 'rLL', 'rLR', 'rR', 'rRL', 'rRR']
