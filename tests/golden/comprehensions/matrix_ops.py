# Comprehension-heavy matrix code: transpose, multiply, identity, flatten.
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def transpose(m):
    return [[row[i] for row in m] for i in range(len(m[0]))]
def matmul(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]
m = [[1, 2], [3, 4], [5, 6]]
print(transpose(m))  # expect: [[1, 3, 5], [2, 4, 6]]
print(matmul(m, transpose(m)))  # expect: [[5, 11, 17], [11, 25, 39], [17, 39, 61]]
print(matmul(identity(2), [[7, 8], [9, 10]]))  # expect: [[7, 8], [9, 10]]
print([x for row in identity(3) for x in row])  # expect: [1, 0, 0, 0, 1, 0, 0, 0, 1]
powers = [[n ** p for p in range(4)] for n in range(1, 4)]
for row in powers:
    print(row)
    # expect: [1, 1, 1, 1]
    # expect: [1, 2, 4, 8]
    # expect: [1, 3, 9, 27]
print(sum(sum(row) for row in powers))  # expect: 59
