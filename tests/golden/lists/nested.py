# Nested lists: matrices, transposition, flattening.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1][2], matrix[-1][-1], len(matrix))  # expect: 6 9 3
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)  # expect: [[1, 4, 7], [2, 5, 8], [3, 6, 9]]
flat = []
for row in matrix:
    for value in row:
        flat.append(value)
print(flat, sum(flat))  # expect: [1, 2, 3, 4, 5, 6, 7, 8, 9] 45

def multiply(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    result = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            total = 0
            for t in range(k):
                total += a[i][t] * b[t][j]
            result[i][j] = total
    return result

print(multiply(matrix, transposed))  # expect: [[14, 32, 50], [32, 77, 122], [50, 122, 194]]
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(multiply(matrix, identity) == matrix)  # expect: True
matrix[0].append(10)
print(matrix)  # expect: [[1, 2, 3, 10], [4, 5, 6], [7, 8, 9]]
