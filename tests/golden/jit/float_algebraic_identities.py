# Float identities an optimizer must not apply: x + 0 (for -0.0), x * 0 (for nan/inf/-x), x - x (inf), x / x, x == x (nan).
specials = [-0.0, 0.0, float("inf"), float("-inf"), float("nan"), 1.5, -2.0, 1e308, 5e-324]
for x in specials:
    row = []
    for rep in range(40):
        row = [x + 0, x + 0.0, 0.0 + x, x - 0, x * 1, x * 0, x * -1, x - x, x / 1, x + x, -(-x), x * 2 / 2]
    print(repr(x), row, x == x, x != x, x < x, x <= x)
    # expect: -0.0 [0.0, 0.0, 0.0, -0.0, -0.0, -0.0, 0.0, 0.0, -0.0, -0.0, -0.0, -0.0] True False False True
    # expect: 0.0 [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.0, 0.0, 0.0, 0.0, 0.0, 0.0] True False False True
    # expect: inf [inf, inf, inf, inf, inf, nan, -inf, nan, inf, inf, inf, inf] True False False True
    # expect: -inf [-inf, -inf, -inf, -inf, -inf, nan, inf, nan, -inf, -inf, -inf, -inf] True False False True
    # expect: nan [nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan] False True False False
    # expect: 1.5 [1.5, 1.5, 1.5, 1.5, 1.5, 0.0, -1.5, 0.0, 1.5, 3.0, 1.5, 1.5] True False False True
    # expect: -2.0 [-2.0, -2.0, -2.0, -2.0, -2.0, -0.0, 2.0, 0.0, -2.0, -4.0, -2.0, -2.0] True False False True
    # expect: 1e+308 [1e+308, 1e+308, 1e+308, 1e+308, 1e+308, 0.0, -1e+308, 0.0, 1e+308, inf, 1e+308, inf] True False False True
    # expect: 5e-324 [5e-324, 5e-324, 5e-324, 5e-324, 5e-324, 0.0, -5e-324, 0.0, 5e-324, 1e-323, 5e-324, 5e-324] True False False True

# The same identities where the special value appears only late in a hot loop.
acc = []
for i in range(400):
    x = float(i % 50) if i < 380 else specials[i % len(specials)]
    y = x + 0
    z = x * 0
    w = x - x
    if i >= 380 or i % 100 == 0:
        acc.append((repr(x), repr(y), repr(z), repr(w), x == x))
for a in acc:
    print(a)
    # expect: ('0.0', '0.0', '0.0', '0.0', True)
    # expect: ('0.0', '0.0', '0.0', '0.0', True)
    # expect: ('0.0', '0.0', '0.0', '0.0', True)
    # expect: ('0.0', '0.0', '0.0', '0.0', True)
    # expect: ('inf', 'inf', 'nan', 'nan', True)
    # expect: ('-inf', '-inf', 'nan', 'nan', True)
    # expect: ('nan', 'nan', 'nan', 'nan', False)
    # expect: ('1.5', '1.5', '0.0', '0.0', True)
    # expect: ('-2.0', '-2.0', '-0.0', '0.0', True)
    # expect: ('1e+308', '1e+308', '0.0', '0.0', True)
    # expect: ('5e-324', '5e-324', '0.0', '0.0', True)
    # expect: ('-0.0', '0.0', '-0.0', '0.0', True)
    # expect: ('0.0', '0.0', '0.0', '0.0', True)
    # expect: ('inf', 'inf', 'nan', 'nan', True)
    # expect: ('-inf', '-inf', 'nan', 'nan', True)
    # expect: ('nan', 'nan', 'nan', 'nan', False)
    # expect: ('1.5', '1.5', '0.0', '0.0', True)
    # expect: ('-2.0', '-2.0', '-0.0', '0.0', True)
    # expect: ('1e+308', '1e+308', '0.0', '0.0', True)
    # expect: ('5e-324', '5e-324', '0.0', '0.0', True)
    # expect: ('-0.0', '0.0', '-0.0', '0.0', True)
    # expect: ('0.0', '0.0', '0.0', '0.0', True)
    # expect: ('inf', 'inf', 'nan', 'nan', True)
    # expect: ('-inf', '-inf', 'nan', 'nan', True)

# Summation order matters for floats: no reassociation.
s1 = 0.0
s2 = 0.0
for i in range(1000):
    s1 += 0.1
    s2 = s2 + (1e16 if i == 500 else 0.0) + 1.0
    if i == 500:
        s2 -= 1e16
print(s1, s2, (0.1 + 0.2) + 0.3, 0.1 + (0.2 + 0.3))  # expect: 99.9999999999986 999.0 0.6000000000000001 0.6

# Integer-valued floats versus ints: int(x) and x // 1 at large magnitudes.
vals = []
for i in range(300):
    f = 2.0 ** (i % 70) + 0.5
    vals.append((int(f), f // 1, f % 1))
print(vals[0], vals[52], vals[53], vals[69])  # expect: (1, 1.0, 0.5) (4503599627370496, 4503599627370496.0, 0.0) (9007199254740992, 9007199254740992.0, 0.0) (590295810358705651712, 5.902958103587057e+20, 0.0)
