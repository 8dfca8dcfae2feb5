# Tuple/list unpacking, swapping and chained assignment.
a, b = 1, 2
print(a, b)  # expect: 1 2
a, b = b, a
print(a, b)  # expect: 2 1
x, y, z = "xyz"
print(x, y, z)  # expect: x y z
[p, q] = [10, 20]
print(p, q)  # expect: 10 20
(m, n), o = (1, 2), 3
print(m, n, o)  # expect: 1 2 3
i = j = k = 0
print(i, j, k)  # expect: 0 0 0
first, second = range(2)
print(first, second)  # expect: 0 1
a, b, c = b, c, a = 1, 2, 3
print(a, b, c)  # expect: 3 1 2
for key, value in {"k1": 1, "k2": 2}.items():
    print(key, value)
    # expect: k1 1
    # expect: k2 2
for idx, (left, right) in enumerate([(1, 2), (3, 4)]):
    print(idx, left, right)
    # expect: 0 1 2
    # expect: 1 3 4
