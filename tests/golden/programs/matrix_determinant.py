# Determinants by Laplace expansion (ints) and Gaussian elimination (floats).
def det_laplace(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for col in range(len(m)):
        minor = [row[:col] + row[col + 1:] for row in m[1:]]
        sign = -1 if col % 2 else 1
        total += sign * m[0][col] * det_laplace(minor)
    return total

def det_gauss(m):
    a = [list(map(float, row)) for row in m]
    n = len(a)
    det = 1.0
    for i in range(n):
        pivot = max(range(i, n), key=lambda r: abs(a[r][i]))
        if a[pivot][i] == 0:
            return 0.0
        if pivot != i:
            a[i], a[pivot] = a[pivot], a[i]
            det = -det
        det *= a[i][i]
        for r in range(i + 1, n):
            factor = a[r][i] / a[i][i]
            for c in range(i, n):
                a[r][c] -= factor * a[i][c]
    return det

matrices = [
    [[2]],
    [[1, 2], [3, 4]],
    [[6, 1, 1], [4, -2, 5], [2, 8, 7]],
    [[1, 0, 2, -1], [3, 0, 0, 5], [2, 1, 4, -3], [1, 0, 5, 0]],
    [[1, 2], [2, 4]],
]
for m in matrices:
    print(det_laplace(m), round(det_gauss(m), 6))
    # expect: 2 2.0
    # expect: -2 -2.0
    # expect: -306 -306.0
    # expect: 30 30.0
    # expect: 0 0.0
