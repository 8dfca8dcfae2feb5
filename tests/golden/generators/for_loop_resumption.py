# `for` loops resume generators in the interpreter's own dispatch loop (no
# nested run): yields, returns, exceptions escaping (StopIteration becomes
# RuntimeError), delegation, re-entry, and hot loops over generators.

def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def bad():
    yield 1
    raise StopIteration

def boom(n):
    for i in range(n):
        if i == 3:
            raise ValueError("boom at " + str(i))
        yield i

def deleg(n):
    yield from numbers(n)
    yield -1
    r = yield from sub()
    yield r

def sub():
    yield 100
    return 7

total = 0
for x in numbers(10):
    total += x
print(total)  # expect: 45
print(list(deleg(4)))  # expect: [0, 1, 2, 3, -1, 100, 7]
try:
    for x in bad():
        print("got", x)  # expect: got 1
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)  # expect: RuntimeError generator raised StopIteration StopIteration
try:
    for x in boom(10):
        print("b", x)
        # expect: b 0
        # expect: b 1
        # expect: b 2
except ValueError as e:
    print("ValueError", e)  # expect: ValueError boom at 3
g = numbers(5)
for x in g:
    if x == 2:
        break
print(next(g), list(g))  # expect: 3 [4]
def reent():
    for x in gg:
        yield x
gg = reent()
try:
    for y in gg:
        pass
except ValueError as e:
    print("ValueError", e)  # expect: ValueError generator already executing
def nested():
    for a in numbers(3):
        for b in numbers(2):
            yield a * 10 + b
print([v for v in nested()])  # expect: [0, 1, 10, 11, 20, 21]
print(sum(x * x for x in range(10) if x % 3))  # expect: 159

def scaled(source, k):
    for x in source:
        yield x * k % 1009

def only_odd(source):
    for x in source:
        if x & 1:
            yield x

def pairs(source):
    prev = None
    for x in source:
        if prev is not None:
            yield prev, x
        prev = x

def pipeline(n, k):
    total = 0
    count = 0
    for a, b in pairs(only_odd(scaled(numbers(n), k))):
        total = (total + a * b) % 1000000007
        count += 1
    return total, count

for k in range(3, 6):
    print(pipeline(300 + k, k))
    # expect: (40904550, 150)
    # expect: (696850, 50)
    # expect: (38279566, 152)

def switching(n):
    for i in range(n):
        if i < n // 2:
            yield i
        elif i < 3 * n // 4:
            yield i * 0.5
        else:
            yield 2**70 + i

acc = 0
for v in switching(400):
    acc += v
print(acc)  # expect: 1.1805916207174113e+23

def late_error(n):
    for i in range(n):
        if i == n - 1:
            raise KeyError(i)
        yield i

caught = 0
for rep in range(3):
    try:
        for v in late_error(150 + rep):
            caught += v
    except KeyError as e:
        print("KeyError", e, caught)
        # expect: KeyError 149 11026
        # expect: KeyError 150 22201
        # expect: KeyError 151 33526

for x in boom(5):
    print("last", x)
    # expect: last 0
    # expect: last 1
    # expect: last 2
# expect-error: ValueError: boom at 3
