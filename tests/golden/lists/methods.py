# List methods: append, extend, insert, pop, remove, index, count, reverse, clear, copy.
xs = [3, 1, 4]
xs.append(1)
xs.extend([5, 9])
xs.insert(0, 2)
xs.insert(100, 6)
xs.insert(-1, 7)
print(xs)  # expect: [2, 3, 1, 4, 1, 5, 9, 7, 6]
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)  # expect: 6 2 9 [3, 1, 4, 1, 5, 7]
xs.remove(1)
print(xs, xs.index(1), xs.count(1), xs.count(42))  # expect: [3, 4, 1, 5, 7] 2 1 0
xs.reverse()
print(xs)  # expect: [7, 5, 1, 4, 3]
ys = xs.copy()
ys.append(0)
print(xs, ys, len(ys))  # expect: [7, 5, 1, 4, 3] [7, 5, 1, 4, 3, 0] 6
ys.clear()
print(ys, len(ys))  # expect: [] 0
zs = []
for i in range(5):
    zs.append(i * i)
zs.extend(range(3))
zs.extend("ab")
print(zs)  # expect: [0, 1, 4, 9, 16, 0, 1, 2, 'a', 'b']
print(zs.index(4, 1), zs.index(1, 3))  # expect: 2 6
