# yield from inside a loop: delegation to sub-generators and their return values.
def chunk(start, n):
    for i in range(start, start + n):
        yield i
    return n * 100

def chunks(count):
    got = 0
    for c in range(count):
        got += yield from chunk(c * 10, c % 5 + 1)
    yield "returns=%d" % got

out = list(chunks(120))
print(len(out), out[:8], out[-2:])  # expect: 361 [0, 10, 11, 20, 21, 22, 30, 31] [1194, 'returns=36000']

def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node

tree = []
for i in range(200):
    if i % 3 == 0:
        tree.append([i, [i + 1, [i + 2]]])
    else:
        tree.append(i)
flat = list(flatten(tree))
print(len(flat), flat[:9], sum(flat))  # expect: 334 [0, 1, 2, 1, 2, 3, 4, 5, 4] 33367

# yield from a list, a string and a range inside one loop.
def mixed(n):
    for i in range(n):
        if i % 3 == 0:
            yield from [i, -i]
        elif i % 3 == 1:
            yield from str(i)
        else:
            yield from range(i, i + 2)

items = list(mixed(300))
print(len(items), items[:12], sum(x for x in items if isinstance(x, int)))  # expect: 664 [0, 0, '1', 2, 3, 3, -3, '4', 5, 6, 6, -6] 30200
