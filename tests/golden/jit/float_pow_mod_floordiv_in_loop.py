# `**`, `%` and `//` of floats (and a float with an int) in hot loops: the
# optimizer calls a typed helper for them, which must give exactly the
# interpreter's results and leave the trace where Python raises.


def powers(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            try:
                out.append(x ** y)
            except ZeroDivisionError:
                out.append("zde")
            except OverflowError:
                out.append("ovf")
    return out


def mods(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            try:
                out.append((x % y, x // y))
            except ZeroDivisionError:
                out.append("zde")
    return out


def nbody_like(n):
    total = 0.0
    d = 0.5
    for i in range(n):
        d2 = d * d + 0.25
        mag = 0.01 * (d2 ** (-1.5))
        total += mag
        d = (d + 0.37) % 3.0
    return total


def inplace(n):
    x = 1.5
    acc = 0.0
    for i in range(n):
        y = x
        y **= 1.25
        y %= 7.5
        y //= 0.75
        acc += y
        x = x + 0.125
    return acc


xs = [2.0, 0.5, 0.0, -0.0, 1.0, 10.0, 1e308, float("inf"), float("nan"), 3, 7.25]
ys = [2.0, -1.5, 0.5, 0.0, 3, -2, 1000.0, float("inf"), -float("inf"), float("nan")]
print(powers(xs, ys))
print(powers([-2.0, -0.5, -1.0, -3], [2.0, 3, -2, 3.0, -1.0, 7]))
print(mods([7.5, -7.5, 0.0, -0.0, 1e300, 5, -3, float("inf")], [2.0, -2.0, 0.0, 3, -0.5, float("inf")]))
print(nbody_like(2000))
print(inplace(500))
# expect: [4.0, 0.3535533905932738, 1.4142135623730951, 1.0, 8.0, 0.25, 1.0715086071862673e+301, inf, 0.0, nan, 0.25, 2.8284271247461903, 0.7071067811865476, 1.0, 0.125, 4.0, 9.332636185032189e-302, 0.0, inf, nan, 0.0, 'zde', 0.0, 1.0, 0.0, 'zde', 0.0, 0.0, inf, nan, 0.0, 'zde', 0.0, 1.0, -0.0, 'zde', 0.0, 0.0, inf, nan, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 100.0, 0.03162277660168379, 3.1622776601683795, 1.0, 1000.0, 0.01, 'ovf', inf, 0.0, nan, 'ovf', 0.0, 1e+154, 1.0, 'ovf', 0.0, 'ovf', inf, 0.0, nan, inf, 0.0, inf, 1.0, inf, 0.0, inf, inf, 0.0, nan, nan, nan, nan, 1.0, nan, nan, nan, nan, nan, nan, 9.0, 0.19245008972987526, 1.7320508075688772, 1.0, 27, 0.1111111111111111, 'ovf', inf, 0.0, nan, 52.5625, 0.051226300186772926, 2.692582403567252, 1.0, 381.078125, 0.019024970273483946, 'ovf', inf, 0.0, nan]
# expect: [4.0, -8.0, 0.25, -8.0, -0.5, -128.0, 0.25, -0.125, 4.0, -0.125, -2.0, -0.0078125, 1.0, -1.0, 1.0, -1.0, -1.0, -1.0, 9.0, -27, 0.1111111111111111, -27.0, -0.3333333333333333, -2187]
# expect: [(1.5, 3.0), (-0.5, -4.0), 'zde', (1.5, 2.0), (-0.0, -15.0), (7.5, 0.0), (0.5, -4.0), (-1.5, 3.0), 'zde', (1.5, -3.0), (-0.0, 15.0), (inf, -1.0), (0.0, 0.0), (-0.0, -0.0), 'zde', (0.0, 0.0), (-0.0, -0.0), (0.0, 0.0), (0.0, -0.0), (-0.0, 0.0), 'zde', (0.0, -0.0), (-0.0, 0.0), (0.0, -0.0), (0.0, 5e+299), (-0.0, -5e+299), 'zde', (0.0, 3.3333333333333335e+299), (-0.0, -2e+300), (1e+300, 0.0), (1.0, 2.0), (-1.0, -3.0), 'zde', (2, 1), (-0.0, -10.0), (5.0, 0.0), (1.0, -2.0), (-1.0, 1.0), 'zde', (0, -1), (-0.0, 6.0), (inf, -1.0), (nan, nan), (nan, nan), 'zde', (nan, nan), (nan, nan), (nan, nan)]
# expect: 26.51810660173133
# expect: 2259.0
