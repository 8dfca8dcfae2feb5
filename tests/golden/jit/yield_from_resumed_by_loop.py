# `yield from` in generators that hot `for` loops resume: the trace enters
# the delegating generator's frame and steps its delegate (builtin iterators
# and generators) inline. The delegation's end, its return value, exceptions
# thrown through it, send() and throw() into a delegating generator that a
# trace suspended, and nested delegation must behave as in CPython.


def flatten(groups):
    for g in groups:
        yield from g


def inner(n):
    for i in range(n):
        yield i * 3
    return n * 100


def collect(n):
    got = []
    for k in range(n):
        r = yield from inner(k % 5)
        got.append(r)
    yield sum(got)


def middle(n):
    yield from inner(n)
    yield -1


def outer(n):
    for k in range(n):
        yield from middle(k % 4)


def failing(n, bad=3):
    for i in range(n):
        if i == bad:
            raise ValueError("inner failed at " + str(i))
        yield i


def catcher(n):
    caught = 0
    for k in range(n):
        try:
            yield from failing(k % 6)
        except ValueError as e:
            caught += 1
            last = str(e)
    yield caught


def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def delegate_echo():
    r = yield from echo()
    yield "echo returned " + str(r)


def guarded():
    try:
        yield from echo()
    except KeyError as e:
        yield "caught " + str(e)


def loop_over(gen):
    s = 0
    n = 0
    for v in gen:
        s += v
        n += 1
    return s, n


# Builtin iterators of several kinds, delegations of every length (empty too).
groups = []
for i in range(200):
    m = i % 7
    groups.append(range(m))
    groups.append([i, m])
    groups.append("ab"[: m % 3])
    groups.append((m,) * (m % 2))
print(loop_over(x if isinstance(x, int) else len(x) for x in flatten(groups)))  # expect: (21905, 1251)
print(loop_over(flatten([range(i) for i in range(120)])))  # expect: (280840, 7140)
print(loop_over(flatten({i: i * i for i in range(j)} for j in range(60))))  # expect: (34220, 1770)

# A generator delegate that finishes early and returns a value.
print(loop_over(collect(300)))  # expect: (61800, 601)

# Nested delegation.
print(loop_over(outer(400)))  # expect: (800, 1000)

# Exceptions raised by the delegate pass through `yield from` to a handler
# in the delegating generator; it keeps going afterwards.
print(loop_over(catcher(300)))  # expect: (600, 601)


# An exception that escapes the delegation reaches the consuming loop.
def escaping(n):
    for k in range(n):
        yield from failing(6, 99 if k < n - 1 else 4)


try:
    total = 0
    for v in escaping(200):
        total += v
except ValueError as e:
    print("escaped", e, total)  # expect: escaped inner failed at 4 2991

# send() and throw() into a delegating generator whose earlier steps a
# trace ran (the loop breaks out mid-delegation).
for rounds in range(60):
    g = delegate_echo()
    steps = 0
    for v in g:
        steps += 1
        if steps == 1:
            break
    a = g.send(5)
    b = g.send(7)
    c = g.send(None)
    if rounds == 59:
        print("send", steps, a, b, c)  # expect: send 1 5 12 echo returned 12

for rounds in range(60):
    g = guarded()
    for v in g:
        break
    g.send(4)
    r = g.throw(KeyError("k" + str(rounds)))
    if rounds % 20 == 0:
        print("throw", r)
        # expect: throw caught 'k0'
        # expect: throw caught 'k20'
        # expect: throw caught 'k40'


# A generator that delegated, then yields plainly: throw() must not go to
# the finished delegate.
def after_delegation(n):
    yield from range(n)
    try:
        yield "plain"
    except RuntimeError:
        yield "handled here"


for rounds in range(80):
    g = after_delegation(rounds % 5)
    seen = 0
    for v in g:
        seen += 1
        if v == "plain":
            break
    r = g.throw(RuntimeError("x"))
    if rounds % 16 == 0:
        print("after", rounds, seen, r)
        # expect: after 0 1 handled here
        # expect: after 16 2 handled here
        # expect: after 32 3 handled here
        # expect: after 48 4 handled here
        # expect: after 64 5 handled here


# A delegate abandoned mid-way by a broken loop, its generator resumed again
# by another loop.
def source():
    yield from range(1000)


g = source()
first = 0
for v in g:
    first += v
    if v == 150:
        break
rest = 0
for v in g:
    rest += v
print("resumed", first, rest)  # expect: resumed 11325 488175
