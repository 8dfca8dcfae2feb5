# A direct call's arguments (and its function, when the trace stores it)
# go straight into the callee's frame: only the call's slow paths store
# them to the caller's slots. Each case below makes the caller's slots
# matter again: the same call made twice in a row (a later store of the
# same value may be dropped as redundant), the slow paths (a collection
# due, the recursion limit, the callee rebound), the callee leaving
# through a guard or an exception, and a method's receiver. The callees
# hold a loop or recurse, so that they are called, not inlined.


def sq(v):
    r = 0
    for _ in range(3):
        r += v
    return r * v // 3


def cube(v):
    r = 0
    for _ in range(2):
        r += v * v
    return r * v // 2


# ---- the same function and arguments at the same slots, twice in a row
def twice(n):
    total = 0
    for i in range(n):
        a = sq(i)
        b = sq(i)
        total += a + b
    return total


print([twice(k) for k in (10, 40, 10)])  # expect: [570, 41080, 570]


def rebound_between(n):
    global sq
    total = 0
    for i in range(n):
        a = sq(i)
        if i == n // 2:
            sq = cube
        b = sq(i)
        total += a - b
    sq = square
    return total


square = sq
print([rebound_between(k) for k in (20, 41, 20)])  # expect: [-900, -7600, -900]


# ---- arguments computed in the loop, types changing part-way
def pick(a, b, c):
    for _ in range(2):
        if a > b:
            a = a - c
        else:
            b = b + c
    return a + b


def mixed(n):
    total = 0
    for i in range(n):
        x = i * 3
        y = i + 7
        if i > n - 5:
            x = x + 0.5
        total += pick(x, y, i & 3)
    return total


print([mixed(k) for k in (30, 12, 30)])  # expect: [1890.0, 338.0, 1890.0]


# ---- a collection due at the call: the slow path stores the arguments
def keep(a, b):
    out = []
    for v in (a, b):
        out.append(v)
    return out


def churn(n):
    out = 0
    for i in range(n):
        junk = [i] * 50
        pair = keep(i + 1, junk[0] * 2)
        out += pair[0] + pair[1]
    return out


print([churn(k) for k in (100, 3000, 100)])  # expect: [14950, 13498500, 14950]


# ---- the callee raises; the caller's handler reads its own locals
def check(v, limit):
    for k in range(2):
        if v + k > limit:
            raise ValueError(v)
    return v


def gather(n, limit):
    seen = []
    for i in range(n):
        kept = i * 10
        try:
            seen.append(check(i * 2, limit))
        except ValueError as e:
            seen.append((kept, str(e)))
            break
    return seen


print(gather(8, 100), gather(8, 9))  # expect: [0, 2, 4, 6, 8, 10, 12, 14] [0, 2, 4, 6, 8, (50, '10')]


# ---- recursion through direct calls with computed arguments, to the limit
import sys


def walk(n, acc):
    if n == 0:
        return acc
    return walk(n - 1, acc + n % 7)


def walk_far(n):
    try:
        return walk(n, 0)
    except RecursionError:
        return "too deep"


sys.setrecursionlimit(400)
print([walk_far(k) for k in (100, 300, 1000, 100)])  # expect: [297, 903, 'too deep', 297]
sys.setrecursionlimit(1000)


# ---- methods: the receiver and computed arguments
class Acc:
    def __init__(self):
        self.n = 0

    def add(self, a, b):
        for _ in range(2):
            self.n += a * b
        return self.n


def accumulate(objs, n):
    last = 0
    for i in range(n):
        o = objs[i % len(objs)]
        last = o.add(i + 1, i - 1)
    return last, [o.n for o in objs]


print(accumulate([Acc(), Acc()], 40))  # expect: (21280, [19720, 21280])
