# An outer loop's trace enters its inner loop's trace directly (run_loop):
# the usual end of the inner loop comes back inline, any other exit goes
# the slow way. Each case leaves the inner loop some other way, or changes
# what its trace assumed while the outer trace keeps entering it.
import sys


# ---- guard failure mid-body: a value of another type part-way through
def mixed_rows(rows):
    total = 0
    for row in rows:
        j = 0
        while j < len(row):
            total += row[j] * 2
            j += 1
    return total


rows = [[1, 2, 3]] * 60 + [[1, 2.5, 3]] + [[4, 5]] * 30 + [[1, "x" and 7, 2]]
print(mixed_rows(rows), mixed_rows(rows[:5]))  # expect: 1293.0 60


# ---- break out of the inner loop, the outer loop goes on after it
def first_above(rows, limit):
    found = []
    for row in rows:
        hit = -1
        for k in range(len(row)):
            if row[k] > limit:
                hit = k
                break
        found.append(hit)
    return found


grid = [[(r * 5 + c * 3) % 11 for c in range(6)] for r in range(80)]
res = first_above(grid, 7)
print(res[:12], sum(res), res.count(-1))  # expect: [3, 1, 0, 2, 0, 2, 0, 2, 1, 3, 1, 3] 109 0


# ---- an exception raised by a call in the inner loop's trace, caught in
# the outer loop's body
def safe_lookups(keys_rows, table):
    out = []
    for keys in keys_rows:
        try:
            s = 0
            for k in keys:
                s += table[k]
            out.append(s)
        except KeyError as e:
            out.append(-e.args[0])
    return out


table = {k: k * k for k in range(16)}
keys_rows = [[n % 16, (n * 3) % 16, (n * 7) % 17] for n in range(1, 150)]
r = safe_lookups(keys_rows, table)
print(r[:5], r[15], sum(r), sum(1 for x in r if x < 0))  # expect: [59, 236, 106, 281, 251] 100 32240 9


# ---- ... and caught outside the function
def raising(n, bad, weights):
    t = 0
    for i in range(n):
        j = 0
        while j < 4:
            t += i * weights[j + (i == bad) * 10]
            j += 1
    return t


for bad in (-1, 70, 3, 150, -1):
    try:
        print(raising(100, bad, {0: 1, 1: 2, 2: 3, 3: 4}))  # expect: 49500
    except KeyError as e:
        print("caught", e, bad)
        # expect: caught 10 70
        # expect: caught 10 3
        # expect: 49500
        # expect: 49500


# ---- the inner trace's assumptions broken while it runs: a class patched
class Shape:
    def area(self):
        return 1


def wide_area(n, patch_at):
    total = 0
    s = Shape()
    for i in range(n):
        for j in range(5):
            if i == patch_at and j == 3:
                Shape.area = lambda self: 10
            total += s.area()
    Shape.area = lambda self: 1
    return total


print(wide_area(60, 40), wide_area(60, -1), wide_area(60, 0))  # expect: 1173 300 2973


# ---- ... a global rebound
SCALE = 1


def scaled(n, rebind_at):
    global SCALE
    total = 0
    for i in range(n):
        k = 0
        while k < 4:
            if i == rebind_at and k == 1:
                SCALE = 3
            total += SCALE
            k += 1
    SCALE = 1
    return total


print(scaled(80, 50), scaled(80, -1), scaled(80, 79))  # expect: 558 320 326


# ---- an inner loop whose trace grows bridges (branches that turn hot later)
def branchy(n):
    out = 0
    for i in range(n):
        for j in range(6):
            if j % 3 == 0:
                out += j
            elif i > 50 and j % 3 == 1:
                out -= 1
            elif i > 90:
                out += 100
            else:
                out += 2
    return out


print(branchy(40), branchy(130))  # expect: 440 8600


# ---- three-deep nesting (each level's trace enters the one below it)
def cube(n):
    t = 0
    for a in range(n):
        for b in range(n):
            c = 0
            while c < n:
                t += (a ^ b) + c
                c += 1
    return t


print(cube(3), cube(12), cube(20))  # expect: 63 21312 175040


# ---- a generator driven inside the inner loop
def evens(k):
    for x in range(k):
        if x % 2 == 0:
            yield x


def gen_sums(n):
    t = 0
    for i in range(n):
        for v in evens(i % 7 + 2):
            t += v * i
    return t


print(gen_sums(100))  # expect: 28198


# ---- collections while the inner loop allocates
class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


def chains(n):
    total = 0
    for i in range(n):
        head = None
        j = 0
        while j < 40:
            head = Node([j, i], head)
            j += 1
        while head is not None:
            total += head.v[0] + len(head.v)
            head = head.nxt
    return total


print(chains(300))  # expect: 258000


# ---- deep recursion through a function holding nested loops
def nested_work(n):
    t = 0
    for i in range(3):
        for j in range(4):
            t += i * j + n
    return t


def recurse(n):
    if n == 0:
        return nested_work(0)
    return nested_work(n) + recurse(n - 1)


sys.setrecursionlimit(2000)
print(recurse(300), recurse(50))  # expect: 547218 16218


def too_deep(n):
    return nested_work(n) + too_deep(n + 1)


try:
    too_deep(0)
except RecursionError:
    print("recursion error")  # expect: recursion error


# ---- the inner loop running no iteration, and ending at once, in turn
def uneven(n):
    t = 0
    for i in range(n):
        j = i % 3
        while j < 2:
            t += j
            j += 1
        for k in range(i % 4):
            t += k
    return t


print(uneven(200))  # expect: 334


# ---- ints past the small-int range written at the inner loop's end (the
# trace was recorded with small ones)
def grow(n, step):
    out = 0
    for i in range(n):
        t = i
        j = 0
        while j < 3:
            t += step
            j += 1
        out += t % 1000 + t // (1 << 40)
    return out


print(grow(200, 1), grow(20, 1 << 46), grow(20, -(1 << 46)), grow(50, 3))  # expect: 20500 11870 -3490 1675
