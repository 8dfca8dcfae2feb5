# Exceptions inside function traces: raised at the bottom of a recursion
# and caught at different depths, caught inside the recursion, and
# RecursionError at the limit, caught and retried.
import sys


def divide_down(n, d):
    if n == 0:
        return 10 // d
    return divide_down(n - 1, d - 1) + 1


def safe_divide_down(n, d):
    try:
        return divide_down(n, d)
    except ZeroDivisionError:
        return -1


def catch_at(n, level):
    if n == level:
        try:
            return catch_at(n - 1, level) * 2
        except ZeroDivisionError as e:
            return str(e)
    if n == 0:
        return 1 // n
    return catch_at(n - 1, level)


def key_of(d, k):
    if k == 0:
        return d["missing"]
    return key_of(d, k - 1)


results = []
for i in range(40):
    results.append(safe_divide_down(i % 8, 5))
print(results)
print([catch_at(10, level) for level in range(1, 11)])
caught = 0
for i in range(30):
    try:
        key_of({}, i % 5)
    except KeyError as e:
        caught += 1
        last = e
print(caught, repr(last))

sys.setrecursionlimit(300)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def runaway(n):
    return runaway(n + 1) + 1


ok = 0
failed = 0
for n in range(200, 400, 7):
    try:
        ok += depth(n)
    except RecursionError as e:
        failed += 1
        message = str(e)
print(ok, failed, message)
count = 0
for i in range(4):
    try:
        runaway(0)
    except RecursionError:
        count += 1
print(count, depth(250))


def mutual_a(n):
    if n <= 0:
        raise ValueError("bottom " + str(n))
    return mutual_b(n - 1)


def mutual_b(n):
    try:
        return mutual_a(n - 2)
    except ValueError as e:
        if n % 3 == 0:
            raise
        return "b caught " + str(e) + " at " + str(n)


def try_mutual(n):
    try:
        return mutual_a(n)
    except ValueError as e:
        return "top " + str(e)


print([try_mutual(n) for n in range(1, 16)])
try:
    mutual_a(3)
except ValueError as e:
    print("top caught", e)
# expect: [2, 3, 5, 8, 14, -1, -4, 2, 2, 3, 5, 8, 14, -1, -4, 2, 2, 3, 5, 8, 14, -1, -4, 2, 2, 3, 5, 8, 14, -1, -4, 2, 2, 3, 5, 8, 14, -1, -4, 2]
# expect: ['integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero', 'integer division or modulo by zero']
# expect: 30 KeyError('missing')
# expect: 3735 14 maximum recursion depth exceeded
# expect: 4 250
# expect: ['top bottom -2', 'b caught bottom -1 at 1', 'b caught bottom 0 at 2', 'top bottom -2', 'b caught bottom -1 at 1', 'b caught bottom 0 at 2', 'top bottom -2', 'b caught bottom -1 at 1', 'b caught bottom 0 at 2', 'top bottom -2', 'b caught bottom -1 at 1', 'b caught bottom 0 at 2', 'top bottom -2', 'b caught bottom -1 at 1', 'b caught bottom 0 at 2']
