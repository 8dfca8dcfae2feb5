# Raw traces keep unboxed floats in xmm registers along a chain of float
# operations: NaN, inf and -0.0 flowing through them, guards failing with
# cached floats live, floats turning into ints mid-loop, bridges, values
# read after the loop exits, and nested loops.
import math


def chain(n):
    # A mandelbrot-like chain: each result read by several later ops.
    out = []
    zr = 0.0
    zi = 0.0
    for i in range(n):
        cr = (i % 7) * 0.25 - 1.0
        ci = (i % 5) * -0.5
        tr = zr * zr - zi * zi + cr
        zi = 2.0 * zr * zi + ci
        zr = tr
        m = zr * zr + zi * zi
        if m > 4.0:
            out.append((i, round(m, 6)))
            zr = -0.0
            zi = zr * 3.0
    return out, zr, zi, math.copysign(1.0, zi)


def specials(n):
    # inf - inf is NaN; -0.0 keeps its sign through products and sums.
    inf = float("inf")
    res = []
    for i in range(n):
        a = inf * (i % 3 - 1)
        b = a - a
        c = -0.0 * (i + 1)
        d = c + c
        e = b * 2.0 + d
        f = d / (i + 1.5)
        res.append((b != b, a, c, math.copysign(1.0, d), e == e, f))
    return res


def mixed(n):
    # The loop-carried `x` is a float, then an int, then a float again: the
    # guards on it fail with float chains cached.
    x = 0.5
    acc = 0.0
    log = []
    for i in range(n):
        y = x * 1.5
        z = y + x
        w = z * y - x
        acc = acc + w / 7.0
        if i == n // 3:
            x = 3
        elif i == 2 * n // 3:
            x = 0.25
        else:
            x = x + 0.125
        if i % 50 == 0:
            log.append((i, x, round(acc, 3)))
    return log, x, round(acc, 3)


def compares(n):
    # Float compares (fused into guards and not) reading cached operands,
    # NaN making every ordered compare false.
    nan = float("nan")
    counts = [0, 0, 0, 0, 0]
    for i in range(n):
        a = (i % 11) * 0.5 - 2.0
        b = a * a - 1.0
        c = nan if i % 13 == 0 else b * 0.5
        if c < a:
            counts[0] += 1
        if c >= b:
            counts[1] += 1
        if c == c:
            counts[2] += 1
        t = c > a
        u = b <= a
        if t and not u:
            counts[3] += 1
        if c != b:
            counts[4] += 1
    return counts


def nested(n):
    # Deep nesting: an inner float loop whose values the outer ones read
    # after it exits.
    total = 0.0
    for i in range(n):
        s = 0.0
        p = 1.0
        for j in range(i % 9 + 1):
            q = p * 0.5 + s
            s = s + q * q
            p = q - p
            for k in range(2):
                s = s * 0.999 + p * 0.001
        total = total + s - p
    return round(total, 6), s, p


def overflow_to_inf(n):
    # Products growing to inf and then inf - inf: the exit after the chain
    # sees the NaN.
    v = 1.5
    for i in range(n):
        v = v * v
        if v != v:
            return i, v
        w = v - v
        if w != w:
            return -i, v, w
    return n, v


print(chain(400))  # expect: ([(4, 9.741497), (8, 7.390764), (9, 4.25), (14, 8.301918), (20, 4.138697), (24, 5.3125), (28, 11.279556), (29, 4.5625), (37, 6.075021), (39, 6.347656), (43, 7.390764), (44, 4.25), (49, 8.301918), (55, 4.138697), (59, 5.3125), (63, 11.279556), (64, 4.5625), (72, 6.075021), (74, 6.347656), (78, 7.390764), (79, 4.25), (84, 8.301918), (90, 4.138697), (94, 5.3125), (98, 11.279556), (99, 4.5625), (107, 6.075021), (109, 6.347656), (113, 7.390764), (114, 4.25), (119, 8.301918), (125, 4.138697), (129, 5.3125), (133, 11.279556), (134, 4.5625), (142, 6.075021), (144, 6.347656), (148, 7.390764), (149, 4.25), (154, 8.301918), (160, 4.138697), (164, 5.3125), (168, 11.279556), (169, 4.5625), (177, 6.075021), (179, 6.347656), (183, 7.390764), (184, 4.25), (189, 8.301918), (195, 4.138697), (199, 5.3125), (203, 11.279556), (204, 4.5625), (212, 6.075021), (214, 6.347656), (218, 7.390764), (219, 4.25), (224, 8.301918), (230, 4.138697), (234, 5.3125), (238, 11.279556), (239, 4.5625), (247, 6.075021), (249, 6.347656), (253, 7.390764), (254, 4.25), (259, 8.301918), (265, 4.138697), (269, 5.3125), (273, 11.279556), (274, 4.5625), (282, 6.075021), (284, 6.347656), (288, 7.390764), (289, 4.25), (294, 8.301918), (300, 4.138697), (304, 5.3125), (308, 11.279556), (309, 4.5625), (317, 6.075021), (319, 6.347656), (323, 7.390764), (324, 4.25), (329, 8.301918), (335, 4.138697), (339, 5.3125), (343, 11.279556), (344, 4.5625), (352, 6.075021), (354, 6.347656), (358, 7.390764), (359, 4.25), (364, 8.301918), (370, 4.138697), (374, 5.3125), (378, 11.279556), (379, 4.5625), (387, 6.075021), (389, 6.347656), (393, 7.390764), (394, 4.25), (399, 8.301918)], -0.0, -0.0, -1.0)
r = specials(200)
print(r[:4], r[-2:])  # expect: [(True, -inf, -0.0, -1.0, False, -0.0), (True, nan, -0.0, -1.0, False, -0.0), (True, inf, -0.0, -1.0, False, -0.0), (True, -inf, -0.0, -1.0, False, -0.0)] [(True, -inf, -0.0, -1.0, False, -0.0), (True, nan, -0.0, -1.0, False, -0.0)]
print(mixed(600))  # expect: ([(0, 0.625, 0.062), (50, 6.875, 425.104), (100, 13.125, 3086.474), (150, 19.375, 10076.806), (200, 3, 23488.734), (250, 9.25, 24517.069), (300, 15.5, 28576.932), (350, 21.75, 37760.958), (400, 0.25, 54161.781), (450, 6.5, 54519.189), (500, 12.75, 56987.367), (550, 19.0, 63658.949)], 25.125, 76291.98)
print(compares(500))  # expect: [208, 210, 461, 210, 417]
print(nested(120))  # expect: (71564797.902652, 0.49626439752727985, -0.0002476317426908792)
print(overflow_to_inf(100))  # expect: (-10, inf, nan)
