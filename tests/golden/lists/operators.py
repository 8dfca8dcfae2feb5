# List operators: +, *, +=, *=, ==, <, in, aliasing.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)  # expect: [1, 2, 3] [1, 2, 3] True
a = a + [4]
print(a, b, a is b)  # expect: [1, 2, 3, 4] [1, 2, 3] False
print([0] * 3, [1, 2] * 2, [] * 5, 2 * ["x"])  # expect: [0, 0, 0] [1, 2, 1, 2] [] ['x', 'x']
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)  # expect: [[0, 5, 0], [0, 0, 0]]
shared = [[0] * 2] * 2
shared[0][0] = 9
print(shared)  # expect: [[9, 0], [9, 0]]
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99])  # expect: True True True True
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], [2]])  # expect: True True True
c = [1]
c *= 3
print(c)  # expect: [1, 1, 1]
print(len([]), len([[], []]), bool([]), bool([0]))  # expect: 0 2 False True
print([1, 2, 3] != [1, 2], [] == [])  # expect: True True
