# Nested tuples: comparison, hashing, use in sets and dicts.
a = ((1, 2), (3, 4))
b = ((1, 2), (3, 4))
print(a == b, hash(a) == hash(b))  # expect: True True
print({a: "found"}[b])  # expect: found
points = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(sorted(points), len(points))  # expect: [(0, 0), (1, 2), (2, 1)] 3
deep = (1, (2, (3, (4, ()))))
depth = 0
node = deep
while node:
    depth += 1
    node = node[1]
print(depth)  # expect: 4
try:
    hash((1, [2]))
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unhashable type: 'list'
