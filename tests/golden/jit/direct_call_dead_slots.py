# Slots dead where a trace leaves or makes a direct call are not written:
# exits resuming at a pc write only the slots live there, and a direct call
# stores only the caller's slots live at the call (its function and
# arguments among them). Each case below reads a slot on a rare path (an
# exception handler, a guard's exit, a branch after the loop) or changes the
# callee's argument types, identity or behaviour part-way through a run.


# ---- temporaries dead at the call, argument types changing mid-run
def fold(full, cols, left, right):
    if cols == full:
        return 1
    total = 0
    free = full & ~(cols | left | right)
    while free:
        bit = free & -free
        free -= bit
        total += fold(full, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
    return total


print([fold((1 << n) - 1, 0, 0, 0) for n in range(4, 9)])  # expect: [2, 10, 4, 40, 92]


def mix(n, v):
    if n == 0:
        return v
    t = v + v
    u = t
    r = mix(n - 1, v)
    return r if u == t else t


for v in (3, 2.5, 10**20, "ab", 7):
    print(type(v).__name__, mix(30, v))
    # expect: int 3
    # expect: float 2.5
    # expect: int 100000000000000000000
    # expect: str ab
    # expect: int 7


# ---- a slot only an exception handler reads, live across the call
def risky(n):
    if n % 7 == 3:
        raise ValueError(n)
    return n


def guarded(n):
    total = 0
    for i in range(n):
        try:
            kept = i * 2
            total += risky(i)
            kept = -1
        except ValueError:
            total += kept * 100
    return total


print([guarded(k) for k in (5, 20, 40, 20)])  # expect: [607, 6160, 25257, 6160]


# ---- the caller catches what the callee raised; the callee catches the caller's
def deep(n, bad):
    if n == bad:
        raise KeyError(n)
    if n == 0:
        return 0
    scratch = [n, n]
    return deep(n - 1, bad) + scratch[0]


def catcher(n, bad):
    note = "none"
    try:
        note = "before"
        r = deep(n, bad)
        note = "after"
    except KeyError as e:
        return note + " " + str(e)
    return note + " " + str(r)


print([catcher(15, b) for b in (-1, 4, 15, 0, -1)])  # expect: ['after 120', 'before 4', 'before 15', 'before 0', 'after 120']


def reraise_from_caller(n):
    try:
        return deep(n, -1) // (n % 4)
    except ZeroDivisionError:
        return -n


print([reraise_from_caller(k) for k in range(3, 12)])  # expect: [2, -4, 15, 10, 9, -8, 45, 27, 22]


# ---- a slot read after the loop only on one branch (never dead)
def leaf(i):
    return i + 1


def last_or_total(n, flag):
    last = -1
    total = 0
    for i in range(n):
        last = i * 3
        total += leaf(i)
    if flag:
        return last
    return total


print([last_or_total(k, k % 2) for k in range(30, 40)])  # expect: [465, 90, 528, 96, 595, 102, 666, 108, 741, 114]


# ---- the callee rebound mid-loop, a default argument, a closure's cell
def inc(n):
    return n + 1


def dbl(n):
    return n * 2


def drive(n):
    global step
    total = 0
    for i in range(n):
        if i == n // 2:
            step = dbl
        tmp = step(i)
        total += tmp
    step = inc
    return total


step = inc
print([drive(k) for k in (40, 60, 40)])  # expect: [1390, 3135, 1390]


def scaled(n, k=2):
    return n * k


def use_default(n):
    total = 0
    for i in range(n):
        total += scaled(i) if i % 5 else scaled(i, 3)
    return total


print(use_default(50), use_default(51))  # expect: 2675 2825


def counter():
    count = 0

    def bump(n):
        nonlocal count
        count += n
        return count

    return bump


def bumps(b, n):
    last = 0
    for i in range(n):
        last = b(i)
    return last


b = counter()
print(bumps(b, 50), bumps(b, 50), bumps(counter(), 10))  # expect: 1225 2450 45


# ---- a local read before it is assigned on one path stays unbound
def maybe(n, flag):
    if flag:
        v = n
    try:
        return v + 1
    except UnboundLocalError:
        return -1


def sum_maybe(n):
    total = 0
    for i in range(n):
        total += maybe(i, i % 3)
    return total


print([sum_maybe(k) for k in (30, 60, 30)])  # expect: [310, 1220, 310]


# ---- a method called directly on receivers the trace checked
class Box:
    def __init__(self, v):
        self.v = v

    def get(self, k):
        if k == 0:
            return self.v
        return self.get(k - 1) + 1


boxes = [Box(i) for i in range(40)]
print(sum(b.get(5) for b in boxes), sum(b.get(0) for b in boxes))  # expect: 980 780


# ---- RecursionError deep in direct calls, caught where a local is live
import sys


def down(n):
    pad = n * 2
    return down(n + 1) + pad


def probe():
    marker = "live"
    try:
        down(0)
    except RecursionError:
        return marker
    return "no"


sys.setrecursionlimit(300)
print([probe() for _ in range(3)])  # expect: ['live', 'live', 'live']
sys.setrecursionlimit(1000)


# ---- generators made and consumed by directly called code
def squares(n):
    for i in range(n):
        yield i * i


def gsum(n):
    if n == 0:
        return 0
    s = 0
    for x in squares(n):
        s += x
    return s + gsum(n - 1)


print([gsum(k) for k in (10, 20, 10)])  # expect: [825, 13300, 825]


# ---- an uncaught error from deep inside directly called code
def explode(n, z):
    junk = [n]
    if n == 0:
        return 1 // z
    return explode(n - 1, z) + junk[0]


print(sum(explode(12, 1) for _ in range(300)))  # expect: 23700
explode(30, 0)
# expect-error: ZeroDivisionError: integer division or modulo by zero
