# Calls from compiled code into function traces (the direct call path: the
# callee's trace is entered at once and its `return` hands the value back):
# callees that leave at guards part-way, raise, recurse into RecursionError
# and recover, return values of different types, are rebound mid-loop, make
# generators, and allocate enough to collect during the calls.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def shape(x):
    # A guard on the argument's type fails part-way for other types.
    if x < 10:
        return x * 2
    return [x, x + 1]


def kinds(i):
    r = i % 5
    if r == 0:
        return i
    if r == 1:
        return str(i)
    if r == 2:
        return i / 4
    if r == 3:
        return None
    return (i, -i)


def check(n):
    if n == 7:
        raise ValueError("seven at " + str(n))
    return n + 1


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def down(n):
    if n == 0:
        return 1 // n
    return down(n - 1) + 1


def first(x):
    return x + 1


def second(x):
    return x * 100


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def make_gen(n):
    return countdown(n)


def node(n):
    if n == 0:
        return None
    return [node(n - 1), n, node(n - 1)]


def size(t):
    if t is None:
        return 0
    return size(t[0]) + 1 + size(t[2])


total = 0
for i in range(30):
    total += fib(i % 12)
print(total)  # expect: 476

out = []
for i in range(20):
    out.append(shape(i if i % 3 else float(i)))
print(out)  # expect: [0.0, 2, 4, 6.0, 8, 10, 12.0, 14, 16, 18.0, [10, 11], [11, 12], [12.0, 13.0], [13, 14], [14, 15], [15.0, 16.0], [16, 17], [17, 18], [18.0, 19.0], [19, 20]]

print([kinds(i) for i in range(12)])  # expect: [0, '1', 0.5, None, (4, -4), 5, '6', 1.75, None, (9, -9), 10, '11']

caught = []
for i in range(12):
    try:
        caught.append(check(i))
    except ValueError as e:
        caught.append(str(e))
print(caught)  # expect: [1, 2, 3, 4, 5, 6, 7, 'seven at 7', 9, 10, 11, 12]

errors = 0
for i in range(25):
    try:
        down(i % 6)
    except ZeroDivisionError as e:
        errors += 1
        msg = str(e)
print(errors, msg)  # expect: 25 integer division or modulo by zero

limit = sys.getrecursionlimit()
deep = 0
for i in range(6):
    try:
        deep += depth(limit + 50)
    except RecursionError as e:
        print("recursion:", e)
        # expect: recursion: maximum recursion depth exceeded
        # expect: recursion: maximum recursion depth exceeded
        # expect: recursion: maximum recursion depth exceeded
        # expect: recursion: maximum recursion depth exceeded
        # expect: recursion: maximum recursion depth exceeded
        # expect: recursion: maximum recursion depth exceeded
    deep += depth(200)
print(deep)  # expect: 1200

fn = first
vals = []
for i in range(20):
    if i == 11:
        fn = second
    vals.append(fn(i))
print(vals)  # expect: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900]

gens = []
for i in range(8):
    gens.append(sum(make_gen(i)))
print(gens)  # expect: [0, 1, 3, 6, 10, 15, 21, 28]

sizes = 0
for i in range(40):
    sizes += size(node(i % 9))
print(sizes)  # expect: 2019


# Function traces entered by the interpreter (a caller that is not
# compiled), `__init__` traces (which return the instance, not their
# value), and a generator frame's caller.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def norm1(p):
    return abs(p.x) + abs(p.y)


def interpreted_caller(k):
    acc = 0
    acc += norm1(Point(k, -k))
    acc += fib(k % 7)
    return acc


print([interpreted_caller(k) for k in range(10)])  # expect: [0, 3, 5, 8, 11, 15, 20, 14, 17, 19]


def bad_init_calls(n):
    class Bad:
        def __init__(self):
            return 1

    msgs = 0
    for i in range(n):
        try:
            Bad()
        except TypeError as e:
            msgs += 1
            msg = str(e)
    return msgs, msg


print(bad_init_calls(6))  # expect: (6, "__init__() should return None, not 'int'")
