# nan, inf, -0.0 and comparisons with nan inside hot loops.
nan = float("nan")
inf = float("inf")
values = [0.0, -0.0, 1.5, -2.25, inf, -inf, nan, 1e308, 5e-324, 2 ** 53 + 0.0]
lt = eq = ne = gt = 0
for i in range(400):
    a = values[i % len(values)]
    b = values[(i * 3) % len(values)]
    if a < b:
        lt += 1
    if a == b:
        eq += 1
    if a != b:
        ne += 1
    if a > b:
        gt += 1
print(lt, eq, ne, gt)  # expect: 120 80 320 120

for x in values:
    print(repr(x), x * 2, -x, x - x, x == x, x != x)
    # expect: 0.0 0.0 -0.0 0.0 True False
    # expect: -0.0 -0.0 0.0 0.0 True False
    # expect: 1.5 3.0 -1.5 0.0 True False
    # expect: -2.25 -4.5 2.25 0.0 True False
    # expect: inf inf -inf nan True False
    # expect: -inf -inf inf nan True False
    # expect: nan nan nan nan False True
    # expect: 1e+308 inf -1e+308 0.0 True False
    # expect: 5e-324 1e-323 -5e-324 0.0 True False
    # expect: 9007199254740992.0 1.8014398509481984e+16 -9007199254740992.0 0.0 True False

# -0.0 printing and sign in a loop.
z = 0.0
for i in range(300):
    z = z * -1.0
    if i >= 297:
        print(i, z, repr(-z), z == 0, str(z))
        # expect: 297 0.0 -0.0 True 0.0
        # expect: 298 -0.0 0.0 True -0.0
        # expect: 299 0.0 -0.0 True 0.0
print(-0.0 + 0.0, 0.0 - 0.0, -0.0 - 0.0, -0.0 * 5, 0.0 * -5, -(0.0))  # expect: 0.0 0.0 -0.0 -0.0 -0.0 -0.0

# Overflow to inf and nan from inf - inf during accumulation.
acc = 1.0
for i in range(400):
    acc *= 10.0
    if i in (306, 307, 308, 399):
        print(i, acc, acc - acc, acc * 0, acc > 1e308)
        # expect: 306 9.999999999999999e+306 0.0 0.0 False
        # expect: 307 9.999999999999998e+307 0.0 0.0 False
        # expect: 308 inf nan nan True
        # expect: 399 inf nan nan True

# nan compares false to everything, max/min pick by position.
total = 0.0
n = 0
for i in range(300):
    x = nan if i % 7 == 0 else float(i)
    if x == x:
        total += x
        n += 1
    if not (x < 150) and not (x >= 150):
        total -= 0.5
print(total, n, max(nan, 1.0), max(1.0, nan), min([3.0, nan, 1.0]))  # expect: 38507.5 257 nan 1.0 1.0
print(round(2.5), round(3.5), round(-0.5), 1e16, 1e-5, 123456789.123456789, 0.1 + 0.2)  # expect: 2 4 0 1e+16 1e-05 123456789.12345679 0.30000000000000004
