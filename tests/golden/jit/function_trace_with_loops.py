# Functions holding loops get function traces too: the trace runs the code
# before the loop, one pass of it, the loop's own trace for the rest, and the
# code after it. Loops that leave early (break, return, an exception), loops
# of varying length, nested loops, recursion through loops, a loop over a
# generator and a class patched mid-run must all behave as in the
# interpreter.


def total(n):
    t = 0
    for i in range(n):
        t += i * i
    return t + 1


def find(xs, k):
    i = 0
    for x in xs:
        if x == k:
            return i
        i += 1
    return -1


def first_big(xs, limit):
    found = None
    for x in xs:
        if x > limit:
            found = x
            break
    else:
        found = "none"
    return found


def grid(n, m):
    s = 0
    for i in range(n):
        j = 0
        while j < m:
            s += i ^ j
            j += 1
    return s


def solve(n, row, cols):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if not cols[c] and (row == 0 or abs(c - row) != 1):
            cols[c] = True
            count += solve(n, row + 1, cols)
            cols[c] = False
    return count


def divide_all(xs, d):
    out = 0
    for x in xs:
        out += x // d
    return out


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def sum_evens(n):
    s = 0
    for v in evens(n):
        s += v
    return s


class Shape:
    def area(self):
        return 1


def areas(shapes):
    a = 0
    for s in shapes:
        a += s.area()
    return a


def mixed(xs):
    acc = 0
    for x in xs:
        acc = acc + x
    return acc


def deep(n):
    if n == 0:
        return 0
    s = 0
    for i in range(2):
        s += i
    return s + deep(n - 1)


results = []
for k in range(60):
    results.append(total(k % 9))
    results.append(find([3, 1, 4, 1, 5, 9, 2, 6], k % 11))
    results.append(first_big([1, 5, 2, 8, 3], k % 10))
    results.append(grid(k % 4, 3))
print(sum(x for x in results if isinstance(x, int)), results[-8:])  # expect: 2839 [15, 0, 'none', 7, 31, 2, 'none', 12]

print([solve(n, 0, [False] * n) for n in range(1, 8)])  # expect: [1, 1, 2, 6, 25, 137, 908]

errors = 0
for k in range(40):
    try:
        divide_all([k, k + 1, k + 2], k % 7)
    except ZeroDivisionError as e:
        errors += 1
        last = str(e)
print(errors, last)  # expect: 6 integer division or modulo by zero

print([sum_evens(k) for k in range(30)][-5:])  # expect: [156, 156, 182, 182, 210]

shapes = [Shape() for _ in range(5)]
seen = []
for k in range(50):
    if k == 30:
        Shape.area = lambda self: 7
    seen.append(areas(shapes))
print(seen[25:35])  # expect: [5, 5, 5, 5, 5, 35, 35, 35, 35, 35]

# An int accumulator that turns into a float and a big int.
print([mixed([1, 2, 3]) for _ in range(20)][-1], mixed([1.5, 2]), mixed([2**62, 2**62]))  # expect: 6 3.5 9223372036854775808
for k in range(30):
    r = mixed([k, 2**61, 2**61])
print(r)  # expect: 4611686018427387933

print(deep(300))  # expect: 300
try:
    deep(100000)
except RecursionError as e:
    print("RecursionError")  # expect: RecursionError
