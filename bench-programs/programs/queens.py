# N-queens: count all placements by recursive backtracking, once with lists of
# booleans and once with bit masks. Stresses: recursion, int ops, list stores.


def solve_lists(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    total = 0
    for c in range(n):
        d1 = row + c
        d2 = row - c + n - 1
        if not cols[c] and not diag1[d1] and not diag2[d2]:
            cols[c] = True
            diag1[d1] = True
            diag2[d2] = True
            total += solve_lists(n, row + 1, cols, diag1, diag2)
            cols[c] = False
            diag1[d1] = False
            diag2[d2] = False
    return total


def solve_bits(full, cols, left, right):
    if cols == full:
        return 1
    total = 0
    free = full & ~(cols | left | right)
    while free:
        bit = free & -free
        free -= bit
        total += solve_bits(full, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
    return total


def main():
    results = []
    for n in range(4, 11):
        a = solve_lists(n, 0, [False] * n, [False] * (2 * n), [False] * (2 * n))
        b = solve_bits((1 << n) - 1, 0, 0, 0)
        if a != b:
            print("mismatch", n, a, b)
        results.append(a)
    bits12 = 0
    for _ in range(3):
        bits12 += solve_bits((1 << 12) - 1, 0, 0, 0)
    print("queens", results, bits12)


main()
