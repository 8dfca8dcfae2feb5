# Values that are not objects (ints, floats, bools) live across a direct
# call stay in the trace: the call reads only its function and arguments,
# and their slots are written when a trace leaves (its exit stubs), not
# before each call. Each case reads such a slot after the callee raised,
# after a guard failed behind the call, at the loop's end, or from a
# recursion unwinding. The callees hold a loop or recurse, so that they
# are called, not inlined.


def spin(n, bad):
    acc = 0
    for k in range(n):
        acc += k
    if acc == bad:
        raise ValueError(acc)
    return acc


# ---- the callee raises: the handler reads ints the loop kept
def caller(n, bad):
    total = 0
    count = 0
    ratio = 0.5
    for i in range(n):
        count = i * 3
        ratio = ratio + 0.25
        try:
            total += spin(i % 5, bad)
        except ValueError:
            return ("raised", i, count, ratio, total)
    return ("done", count, ratio, total)


print([caller(50, b) for b in (-1, 6, 1, 3, -1)])  # expect: [('done', 147, 13.0, 100), ('raised', 4, 12, 1.75, 4), ('raised', 2, 6, 1.25, 0), ('raised', 3, 9, 1.5, 1), ('done', 147, 13.0, 100)]


# ---- a guard behind the call fails (the callee's result changes type)
def half(n):
    r = 0
    for k in range(n):
        r += 1
    if n == 7:
        return r / 2
    return r


def mixer(n):
    total = 0
    last = 0
    flag = False
    for i in range(n):
        last = i + 100
        flag = i % 2 == 0
        total += half(i % 9)
    return total, last, flag


print([mixer(k) for k in (5, 30, 60, 30)])  # expect: [(10, 104, True), (100.5, 129, False), (210.0, 159, False), (100.5, 129, False)]


# ---- a recursion unwinding: each level's int read in its handler
def descend(n, boom):
    marker = n * 7
    if n == boom:
        raise KeyError(n)
    if n == 0:
        return 0
    try:
        return descend(n - 1, boom) + 1
    except KeyError:
        return -marker


print([descend(30, b) for b in (-1, 0, 13, 29, -1)])  # expect: [30, 22, -82, -210, 30]


# ---- allocation only after the calls return (a collection comes due there)
def build(d):
    if d == 0:
        return None
    left = build(d - 1)
    right = build(d - 1)
    return [left, right, d]


def count(t):
    if t is None:
        return 0
    return 1 + count(t[0]) + count(t[1])


print([count(build(d)) for d in (3, 10, 14, 10)])  # expect: [7, 1023, 16383, 1023]
