# Int compares with the constant on the left (`3 < x`) and against values
# that live in memory: the optimized backend swaps the operands and mirrors
# the condition, and reads a spilled operand from memory. Each compare is
# both a branch (fused into its guard) and a stored bool, on values that
# cross the constant from both sides.


def branches(xs):
    counts = [0] * 6
    for x in xs:
        if 3 < x:
            counts[0] += 1
        if 3 <= x:
            counts[1] += 1
        if 3 > x:
            counts[2] += 1
        if 3 >= x:
            counts[3] += 1
        if 3 == x:
            counts[4] += 1
        if 3 != x:
            counts[5] += 1
    return counts


def stored(xs):
    out = []
    for x in xs:
        flags = (-2 < x, -2 <= x, -2 > x, -2 >= x, -2 == x, -2 != x)
        out.append(sum(1 << k for k in range(6) if flags[k]))
    return out[:12], sum(out)


def many_live(n):
    # Enough values live at once that some of them are spilled.
    a, b, c, d, e, f, g, h = 1, 2, 3, 4, 5, 6, 7, 8
    hits = 0
    for i in range(n):
        a, b, c, d, e, f, g, h = b + 1, c, d, e, f, g, h, a
        if i < a:
            hits += 1
        if h <= i:
            hits += 2
        if c > i:
            hits += 4
        if 100 < h:
            hits += 8
    return hits, a, h


xs = [(i * 7) % 11 - 4 for i in range(500)]
print(branches(xs))  # expect: [136, 182, 318, 364, 46, 454]
print(stored(xs))  # expect: ([44, 35, 35, 35, 35, 26, 35, 35, 44, 35, 35, 44], 17914)
print(many_live(3000))  # expect: (23891, 376, 383)
