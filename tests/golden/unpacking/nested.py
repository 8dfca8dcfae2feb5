# Nested unpacking in assignments and for loops.
data = [("alice", (90, 85)), ("bob", (70, 95))]
for name, (math, art) in data:
    print(name, math + art)
    # expect: alice 175
    # expect: bob 165
((a, b), (c, d)) = ((1, 2), (3, 4))
print(a, b, c, d)  # expect: 1 2 3 4
[x, [y, [z]]] = [1, [2, [3]]]
print(x, y, z)  # expect: 1 2 3
points = [(1, 2), (3, 4), (5, 6)]
xs, ys = zip(*points)
print(xs, ys)  # expect: (1, 3, 5) (2, 4, 6)
matrix = [[1, 2], [3, 4]]
(r0c0, r0c1), (r1c0, r1c1) = matrix
print(r0c0 * r1c1 - r0c1 * r1c0)  # expect: -2
pairs = {"a": [1, 2], "b": [3, 4]}
for key, (lo, hi) in sorted(pairs.items()):
    print(key, lo, hi)
    # expect: a 1 2
    # expect: b 3 4
