# `a ** b` of floats in optimized traces calls a lean pow function straight
# (positive finite base, finite exponent: libm's pow; everything else: the
# runtime's pow, EMPTY where Python raises). Each case must print exactly
# what CPython prints, bit for bit (repr), including the raising ones.


def powers(bases, exps):
    acc = 0.0
    out = []
    for i in range(len(bases)):
        x = bases[i]
        y = exps[i]
        try:
            r = x ** y
        except ZeroDivisionError:
            out.append("zerodiv")
            continue
        except OverflowError:
            out.append("overflow")
            continue
        acc += r if r == r else 0.0
        out.append(repr(r))
    return acc, out


def hot(n):
    # The fast path in a tight loop whose only call is the pow: the body
    # header skips the heap-debt poll, and the values crossing the call live.
    s = 0.0
    t = 1.0
    for i in range(n):
        d = 1.0 + i * 0.25
        s += d ** -1.5
        t = t * 0.5 + d ** 0.5
    return s, t


base = [2.0, 0.5, 1e-300, 1e300, 3.0, 1.0, 0.0, -2.0, -0.0, 7.25, 2.0, 2, 10.0, 4.0]
expo = [0.5, -1.5, -1.5, 2.0, 2, 1e300, -1.0, 3.0, -3.0, 0.0, -1074.5, 0.5, 308.5, -0.5]
big_b = base * 20
big_e = expo * 20
acc, out = powers(big_b, big_e)
print(acc)  # expect: 183.1370849898476
print(out[:14])  # expect: ['1.4142135623730951', '2.8284271247461903', 'overflow', 'overflow', '9.0', '1.0', 'zerodiv', '-8.0', 'zerodiv', '1.0', '5e-324', '1.4142135623730951', 'overflow', '0.5']
print(out[-14:] == out[:14])  # expect: True
print(hot(3000))  # expect: (8.239026504189981, 54.79050860651907)
inf = float("inf")
nan = float("nan")
specials = [inf, -inf, nan, 1.0, 0.0, 0.5, 2.0]
res = []
for rep in range(30):
    for x in specials:
        for y in specials:
            try:
                res.append(repr(x ** y))
            except (ZeroDivisionError, OverflowError) as e:
                res.append(type(e).__name__)
print(res[:49])  # expect: ['inf', '0.0', 'nan', 'inf', '1.0', 'inf', 'inf', 'inf', '0.0', 'nan', '-inf', '1.0', 'inf', 'inf', 'nan', 'nan', 'nan', 'nan', '1.0', 'nan', 'nan', '1.0', '1.0', '1.0', '1.0', '1.0', '1.0', '1.0', '0.0', 'inf', 'nan', '0.0', '1.0', '0.0', '0.0', '0.0', 'inf', 'nan', '0.5', '1.0', '0.7071067811865476', '0.25', 'inf', '0.0', 'nan', '2.0', '1.0', '1.4142135623730951', '4.0']
print(res[-49:] == res[:49])  # expect: True
