# List comprehensions: filters, nested loops, expressions, scoping.
print([x * x for x in range(8)])  # expect: [0, 1, 4, 9, 16, 25, 36, 49]
print([x for x in range(20) if x % 3 == 0])  # expect: [0, 3, 6, 9, 12, 15, 18]
print([(x, y) for x in range(3) for y in range(3) if x != y])  # expect: [(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)]
print([[x * y for y in range(1, 4)] for x in range(1, 4)])  # expect: [[1, 2, 3], [2, 4, 6], [3, 6, 9]]
print([c.upper() for c in "hello" if c not in "l"])  # expect: ['H', 'E', 'O']
print([x if x % 2 else -x for x in range(6)])  # expect: [0, 1, -2, 3, -4, 5]
words = ["apple", "bob", "civic", "dog"]
print([w for w in words if w == w[::-1]])  # expect: ['bob', 'civic']
print([len(w) for w in words])  # expect: [5, 3, 5, 3]
x = "outer"
print([x for x in range(3)], x)  # expect: [0, 1, 2] outer
matrix = [[1, 2, 3], [4, 5, 6]]
print([n for row in matrix for n in row])  # expect: [1, 2, 3, 4, 5, 6]
print([row[i] for i in range(3) for row in matrix])  # expect: [1, 4, 2, 5, 3, 6]
print([i for i in range(3) for _ in range(i)])  # expect: [1, 2, 2]
