# N-queens by backtracking: counts and the first solution for several sizes.
def solve(n):
    solutions = []
    cols = [0] * n
    used_cols = set()
    diag1 = set()
    diag2 = set()
    def place(row):
        if row == n:
            solutions.append(list(cols))
            return
        for col in range(n):
            if col in used_cols or row + col in diag1 or row - col in diag2:
                continue
            cols[row] = col
            used_cols.add(col)
            diag1.add(row + col)
            diag2.add(row - col)
            place(row + 1)
            used_cols.remove(col)
            diag1.remove(row + col)
            diag2.remove(row - col)
    place(0)
    return solutions

for n in range(1, 8):
    found = solve(n)
    print(n, len(found), found[0] if found else None)
    # expect: 1 1 [0]
    # expect: 2 0 None
    # expect: 3 0 None
    # expect: 4 2 [1, 3, 0, 2]
    # expect: 5 10 [0, 2, 4, 1, 3]
    # expect: 6 4 [1, 3, 5, 0, 2, 4]
    # expect: 7 40 [0, 2, 4, 6, 1, 3, 5]
board = solve(6)[0]
for col in board:
    print("".join("Q" if c == col else "." for c in range(6)))
    # expect: .Q....
    # expect: ...Q..
    # expect: .....Q
    # expect: Q.....
    # expect: ..Q...
    # expect: ....Q.
