# A function trace inlines its own recursion two levels deep (three levels
# of the function per entry). Each case below leaves one of those inlined
# levels other than by its return: an exception, the recursion limit, a
# type the trace did not see, the function rebound part-way, a generator or
# a call with keyword or default arguments, and allocation while nested.
import sys


# ---- plain recursion, argument types changing mid-run
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def total(n, v):
    if n == 0:
        return v
    return total(n - 1, v) + v


print(fib(20), tak(12, 8, 4))  # expect: 6765 5
print([total(40, v) for v in (3, 2.5, 10**19, "ab", 4)])  # expect: [123, 102.5, 410000000000000000000, 'ababababababababababababababababababababababababababababababababababababababababab', 164]


# ---- an exception at each inlined level, caught at each level
def down(n, bad):
    if n == bad:
        raise ValueError(n)
    if n == 0:
        return 0
    keep = n * 3
    try:
        return down(n - 1, bad) + 1
    except ValueError as e:
        if n % 3 == 0:
            return keep + 1000 * e.args[0]
        raise


def run_down(n, bad):
    try:
        return down(n, bad)
    except ValueError as e:
        return -e.args[0]


print([run_down(30, b) for b in range(-1, 32)])  # expect: [30, 36, 1036, 2036, 3042, 4042, 5042, 6048, 7048, 8048, 9054, 10054, 11054, 12060, 13060, 14060, 15066, 16066, 17066, 18072, 19072, 20072, 21078, 22078, 23078, 24084, 25084, 26084, 27090, 28090, 29090, -30, 30]


# ---- the recursion limit reached at every offset within the inlined levels
def deep(n):
    pad = n + 1
    return deep(n + 1) + pad


def probe(limit):
    sys.setrecursionlimit(limit)
    marker = limit
    try:
        deep(0)
    except RecursionError:
        return marker
    finally:
        sys.setrecursionlimit(1000)
    return -1


print([probe(k) for k in range(200, 212)])  # expect: [200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211]


# ---- the function rebound while its inlined levels run
def walk(n):
    global walk
    if n == 0:
        return 0
    if n == 17:
        walk = other
    return walk(n - 1) + 1


def other(n):
    return 100 + n


def restore():
    global walk
    walk = saved


saved = walk
print([(saved(25), restore())[0] for _ in range(4)])  # expect: [125, 125, 125, 125]


# ---- generators and keyword or default arguments under the recursion
def nums(n):
    for i in range(n):
        yield i


def gen_rec(n):
    if n == 0:
        return 0
    return sum(nums(n)) + gen_rec(n - 1)


def kw_rec(n, step=1, acc=0):
    if n <= 0:
        return acc
    if n % 4 == 0:
        return kw_rec(n - step, acc=acc + n)
    return kw_rec(n - 1, step, acc + 1)


print([gen_rec(k) for k in (10, 25, 10)], [kw_rec(k) for k in (30, 50, 30)])  # expect: [165, 2600, 165] [135, 350, 135]


# ---- allocation nested in the inlined levels (collections meanwhile)
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(d):
    if d == 0:
        return Node(None, None)
    return Node(make(d - 1), make(d - 1))


def count(t):
    if t.left is None:
        return 1
    return count(t.left) + count(t.right) + 1


print([count(make(d)) for d in range(1, 13)])  # expect: [3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047, 4095, 8191]
