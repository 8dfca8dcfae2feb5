# A float boxed in its result's register: NaNs (inf - inf) must box as the
# one canonical NaN, other floats unchanged, in every tier.
def f(n):
    out = []
    inf = float("inf")
    for i in range(n):
        x = inf * (i % 3 - 1)
        y = x - x
        z = x + 1.5 * i
        out.append((y, z, y != y))
    return out
r = f(300)
print(r[:6], r[-3:])  # expect: [(nan, -inf, True), (nan, nan, True), (nan, inf, True), (nan, -inf, True), (nan, nan, True), (nan, inf, True)] [(nan, -inf, True), (nan, nan, True), (nan, inf, True)]
