# A for loop over chained generators whose saved slots the optimizer keeps
# around the loop (forwarded from one resumption's yield to the next): the
# loop leaves mid-iteration, generators are abandoned, closed, raise, are
# inspected and resumed with next() after the loop, and the GC runs while
# the loop allocates.


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


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


def pipeline(n, k, stop):
    total = 0
    count = 0
    for a, b in pairs(only_odd(scaled(numbers(n), k))):
        total = (total + a * b) % 1000000007
        count += 1
        if count == stop:
            break
    return total, count


for k in range(3, 9):
    print("pipeline", k, pipeline(3000, k, -1), pipeline(3000, k, 700))


# The loop leaves mid-iteration; the generators go on with next().
src = numbers(1000)
odd = only_odd(scaled(src, 5))
seen = 0
for x in odd:
    seen += x
    if seen > 20000:
        break
print("left at", seen, x, next(odd), next(odd), next(src))
print("rest", sum(odd), list(src))


# A generator the loop abandons and one it closes: finally blocks run.
def guarded(n, log):
    i = 0
    try:
        while i < n:
            yield i
            i += 1
    finally:
        log.append(("finally", i))


log = []
g = guarded(500, log)
acc = 0
for v in g:
    acc += v
    if v == 300:
        break
print("closed", acc, log)
g.close()
print("after close", log)
try:
    next(g)
except StopIteration:
    print("exhausted after close")
g = None


# An exception inside the generator, caught around the loop, at a
# different iteration each time.
def fragile(n, bad):
    i = 0
    while i < n:
        if i == bad:
            raise ValueError("bad " + str(i))
        yield i * 2
        i += 1


for bad in (50, 177, 400):
    s = 0
    try:
        for v in fragile(1000, bad):
            s += v
    except ValueError as e:
        print("caught", e, s)


# The generator's state changes type mid-stream (int, then float, then str).
def mixed(n):
    x = 0
    i = 0
    while i < n:
        if i == n // 2:
            x = float(x)
        if i == n - 10:
            x = str(x)
        yield x
        if isinstance(x, str):
            x = x + "."
        else:
            x = x + 1
        i += 1


last = None
count = 0
for v in mixed(600):
    last = v
    count += 1
print("mixed", count, last[:12], len(last))


# The GC runs while the loop allocates (lists and tuples kept and dropped).
def blocks(n):
    i = 0
    while i < n:
        yield [i, (i, str(i))]
        i += 1


kept = []
total = 0
for b in blocks(20000):
    total += b[0] + len(b[1][1])
    if b[0] % 997 == 0:
        kept.append(b)
print("gc", total, len(kept), kept[-1])


# Two generators of one function, advanced in one loop.
def counter(start):
    n = start
    while True:
        yield n
        n += 1


a = counter(0)
b = counter(1000)
s = 0
for x in a:
    s += x * next(b)
    if x == 2000:
        break
print("two", s, next(a), next(b))

# expect: pipeline 3 (495460352, 1498) (225866938, 700)
# expect: pipeline 4 (484611702, 1484) (210305784, 700)
# expect: pipeline 5 (493187194, 1498) (230683414, 700)
# expect: pipeline 6 (484534636, 1484) (226192418, 700)
# expect: pipeline 7 (490908944, 1498) (224767922, 700)
# expect: pipeline 8 (484405150, 1484) (218746310, 700)
# expect: left at 20480 635 645 655 132
# expect: rest 228300 []
# expect: closed 45150 []
# expect: after close [('finally', 300)]
# expect: exhausted after close
# expect: caught bad 50 2450
# expect: caught bad 177 31152
# expect: caught bad 400 159600
# expect: mixed 600 590.0....... 14
# expect: gc 200078890 21 [19940, (19940, '19940')]
# expect: two 4669667000 2001 3001
