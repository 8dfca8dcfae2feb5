# List slicing, slice assignment and deletion.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[-3:], xs[::3], xs[::-1], xs[7:2:-2])  # expect: [2, 3, 4] [0, 1, 2] [7, 8, 9] [0, 3, 6, 9] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [7, 5, 3]
ys = xs[:]
ys[0] = 100
print(xs[0], ys[0])  # expect: 0 100
xs[2:4] = ["a", "b", "c"]
print(xs)  # expect: [0, 1, 'a', 'b', 'c', 4, 5, 6, 7, 8, 9]
xs[:2] = []
print(xs)  # expect: ['a', 'b', 'c', 4, 5, 6, 7, 8, 9]
xs[::2] = [0] * len(xs[::2])
print(xs)  # expect: [0, 'b', 0, 4, 0, 6, 0, 8, 0]
del xs[0]
print(xs)  # expect: ['b', 0, 4, 0, 6, 0, 8, 0]
del xs[1:3]
print(xs)  # expect: ['b', 0, 6, 0, 8, 0]
del xs[::2]
print(xs)  # expect: [0, 0, 0]
zs = [1, 2, 3]
zs[len(zs):] = [4, 5]
zs[:0] = [0]
print(zs)  # expect: [0, 1, 2, 3, 4, 5]
try:
    zs[::2] = [1]
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: attempt to assign sequence of size 1 to extended slice of size 3
