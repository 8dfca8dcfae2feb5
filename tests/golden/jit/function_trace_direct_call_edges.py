# Compiled code calls function traces directly (PyPy's call_assembler): the
# callee's Return comes back natively, anything else goes through the slow
# path. Each case below leaves the callee some other way, or makes the
# direct call's checks fail part-way through a run.
import sys


# ---- guard failures in the callee (a type guard, then a bridge)
def scale(x, k):
    if x < 0:
        return -x * k
    return x * k


def sum_scaled(n, k):
    if n == 0:
        return scale(0, k)
    return scale(n, k) + sum_scaled(n - 1, k)


print([sum_scaled(20, k) for k in (1, 2, 3, 2.5, "ab"[:1] and 1, 4)])  # expect: [210, 420, 630, 525.0, 210, 840]
print(sum_scaled(10, 0.5), sum_scaled(3, -1))  # expect: 27.5 -6


# ---- exceptions raised in the callee, caught at different depths
def checked(n, bad):
    if n == bad:
        raise ValueError("bad " + str(n))
    if n == 0:
        return 0
    return checked(n - 1, bad) + n


def catch_at(n, bad):
    try:
        return checked(n, bad)
    except ValueError as e:
        return str(e)


print([catch_at(12, b) for b in (-1, 0, 5, 12, -1, 3)])  # expect: [78, 'bad 0', 'bad 5', 'bad 12', 78, 'bad 3']


def inner_catch(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        return inner_catch(n - 1) + 1
    except KeyError:
        if n % 3 == 0:
            return 100
        raise


print([catch_at(0, 1)] + [inner_catch(k) for k in range(3, 9)])  # expect: [0, 100, 101, 102, 103, 104, 105]


# ---- the recursion limit: RecursionError at the interpreter's depth
def depth(n):
    return depth(n + 1) + 1


def deepest(n):
    try:
        return depth_probe(n)
    except RecursionError:
        return -1


reached = [0]


def depth_probe(n):
    reached[0] = n
    return depth_probe(n + 1)


for limit in (200, 350, 120):
    sys.setrecursionlimit(limit)
    deepest(0)
    print("limit", limit, "reached", reached[0] > limit // 2, reached[0] < limit)
    # expect: limit 200 reached True True
    # expect: limit 350 reached True True
    # expect: limit 120 reached True True
sys.setrecursionlimit(1000)


# ---- the recursion limit lowered while a call is running
def lower_then_recurse(n):
    if n == 50:
        sys.setrecursionlimit(120)
    if n == 0:
        return 0
    return lower_then_recurse(n - 1) + 1


try:
    print(lower_then_recurse(400))
except RecursionError:
    print("lowered: RecursionError")  # expect: lowered: RecursionError
sys.setrecursionlimit(1000)


# ---- the function a slot names changes (the direct call's identity check)
def first(n):
    return n + 1


def second(n):
    return n * 2


def apply_all(fs, n):
    total = 0
    for f in fs:
        total += call_it(f, n)
    return total


def call_it(f, n):
    if n == 0:
        return f(0)
    return f(n) + call_it(f, n - 1)


print(apply_all([first, first, second, first, second, len and first], 6))  # expect: 196


# ---- a global the callee reads rebound part-way (its trace's guard fails)
factor = 2


def uses_global(n):
    if n == 0:
        return factor
    if n == 7:
        rebind()
    return uses_global(n - 1) + factor


def rebind():
    global factor
    factor = factor + 1


print([uses_global(k) for k in (3, 10, 10, 5, 12)])  # expect: [8, 33, 44, 24, 65]


# ---- a class patched while methods are called directly
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def count(self):
        if self.left is None:
            return 1
        return 1 + self.left.count() + self.right.count()


def build(d):
    if d == 0:
        return Node(None, None)
    return Node(build(d - 1), build(d - 1))


t = build(6)
print([t.count() for _ in range(4)])  # expect: [127, 127, 127, 127]


def count_twice(self):
    if self.left is None:
        return 2
    return 2 + self.left.count() + self.right.count()


Node.count = count_twice
print([t.count() for _ in range(3)])  # expect: [254, 254, 254]
print(Node.count(t), Node.count(build(2)))  # expect: 254 14


# ---- closures and generators are called the general way
def make_adder(k):
    def add(n):
        if n == 0:
            return k
        return add(n - 1) + k

    return add


adders = [make_adder(i) for i in range(5)]
print([a(9) for a in adders])  # expect: [0, 10, 20, 30, 40]


def gen(n):
    if n > 0:
        yield n
        yield from gen(n - 1)


def gen_sum(n):
    return sum(gen(n))


print([gen_sum(k) for k in range(8)])  # expect: [0, 1, 3, 6, 10, 15, 21, 28]


# ---- garbage made in directly called code (collections happen inside)
def churn(n):
    junk = [n, str(n), (n, n)]
    if n == 0:
        return len(junk)
    return churn(n - 1) + len(junk[1])


print(sum(churn(40) for _ in range(60)))  # expect: 4440


# ---- many arguments and locals
def wide(a, b, c, d, e, f, g):
    x = a + b
    y = c + d
    z = e + f
    if g == 0:
        return x + y + z
    return wide(b, c, d, e, f, a, g - 1) + x - y + z


print([wide(1, 2, 3, 4, 5, 6, k) for k in range(8)])  # expect: [21, 28, 31, 30, 37, 52, 63, 70]
