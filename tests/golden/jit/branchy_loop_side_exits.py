# A loop whose path alternates between branches (if/elif/else on i % 3, % 5, % 7) so side exits get hot.
a = b = c = d = 0
path = []
for i in range(900):
    if i % 3 == 0:
        a += i
        if i % 5 == 0:
            a -= 1
    elif i % 3 == 1:
        b += i * 2
    else:
        if i % 7 == 0:
            c += 1
        elif i % 7 == 3:
            c -= 2
        else:
            d += i
    if i < 12:
        path.append((a, b, c, d))
    if i % 150 == 0:
        print(i, a, b, c, d)
        # expect: 0 -1 0 0 0
        # expect: 150 3814 7450 -7 2676
        # expect: 300 15129 29900 -14 10794
        # expect: 450 33944 67350 -21 24354
        # expect: 600 60259 119800 -28 43356
        # expect: 750 94074 187250 -34 67051
print(a, b, c, d)  # expect: 134490 269700 -43 95891
print(path)  # expect: [(-1, 0, 0, 0), (-1, 2, 0, 0), (-1, 2, 0, 2), (2, 2, 0, 2), (2, 10, 0, 2), (2, 10, 0, 7), (8, 10, 0, 7), (8, 24, 0, 7), (8, 24, 0, 15), (17, 24, 0, 15), (17, 44, 0, 15), (17, 44, 0, 26)]

# A branch that is never taken for 400 iterations, then always taken.
x = 0
for i in range(800):
    if i < 400:
        x += 1
    else:
        x *= 1
        x += 2
print(x)  # expect: 1200

# Conditions on values that change type: truthiness of int, str, list, None, float.
vals = [0, 1, "", "a", [], [0], None, 0.0, -0.0, 2.5, (), (0,)]
truthy = 0
order = []
for i in range(600):
    v = vals[i % len(vals)]
    if v:
        truthy += 1
    if not v and i < len(vals):
        order.append(repr(v))
print(truthy, order)  # expect: 250 ['0', "''", '[]', 'None', '0.0', '-0.0', '()']

# and/or short-circuit returning operands in a loop.
picked = []
for i in range(300):
    r = (i % 2 and "odd") or (i % 3 and i) or None
    if i < 8:
        picked.append(r)
print(picked)  # expect: [None, 'odd', 2, 'odd', 4, 'odd', None, 'odd']
