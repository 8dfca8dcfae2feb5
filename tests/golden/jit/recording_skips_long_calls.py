# Recordings that stay open over calls the trace makes through the runtime
# (the interpreter runs those calls outside the recording): a long call, a
# recursion whose function trace starts near its top and is given up for a
# deeper one, exceptions raised inside the skipped call and caught in the
# recorded frame, generators resumed by the runtime (delegating through
# `yield from`, recursive, raising StopIteration) and a recording that ends
# inside a skipped call.


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def spin(n, step=1):
    # A hot loop run inside the skipped call.
    total = 0
    i = 0
    while i < n:
        total += i % 7
        i += step
    return total


def long_calls(rounds):
    # `spin(..., step=1)` is a keyword call: always made through the
    # runtime, never inlined.
    total = 0
    for i in range(rounds):
        total += spin(200 + i, step=1) + fib(8 + i % 3)
    return total


def deep_raise(n, bad):
    if n == 0:
        if bad:
            raise ValueError("bottom")
        return 1
    return deep_raise(n - 1, bad) + 1


def raises_in_skipped_call(rounds):
    caught = []
    total = 0
    for i in range(rounds):
        try:
            total += deep_raise(*(12 + i % 4, i % 5 == 3))
        except ValueError as e:
            caught.append((i, str(e)))
    return total, caught


def inner_gen(n):
    for i in range(n):
        yield i * i


def delegating(n):
    yield -1
    yield from inner_gen(n)
    yield -2


def walk(depth):
    # Recursive generator: each level delegates to the one below.
    if depth > 0:
        yield from walk(depth - 1)
    yield depth


def tail_delegating(n):
    # Returns in the same resumption that ends the delegation.
    yield from inner_gen(n)


def stops_badly(n):
    yield from inner_gen(n)
    raise StopIteration


def generators_resumed_by_the_runtime(rounds):
    out = []
    for r in range(rounds):
        s = 0
        for v in delegating(r % 4 + 2):
            s += v
        for v in tail_delegating(r % 3 + 2):
            s += v
        w = 0
        for v in walk(r % 5 + 3):
            w = w * 3 + v
        try:
            for v in stops_badly(r % 3 + 1):
                s += v
        except RuntimeError as e:
            out.append((s, w, str(e)))
    return out


def drain_after_first(n):
    # The `for` loop's recording starts at its header with the generator
    # suspended inside `yield from`: the step that ends it is skipped.
    g = tail_delegating(n)
    first = next(g)
    rest = 0
    for v in g:
        rest += v
    return first, rest


def give_up_then_trace(rounds):
    # A loop whose every pass starts a long recursion: the recursion's
    # function trace, recorded at its top, is given up and recorded deeper.
    out = []
    for i in range(rounds):
        out.append(ack(2, 20 + i))
    return out


def recursion_with_handler(n):
    if n == 0:
        raise KeyError(n)
    try:
        return recursion_with_handler(n - 1) + n
    except KeyError:
        if n % 2:
            raise
        return -n


print(ack(2, 45))  # expect: 93
print(ack(2, 3), ack(1, 10), ack(0, 0))  # expect: 9 12 1
print(long_calls(40))  # expect: 27634
total, caught = raises_in_skipped_call(30)
print(total, len(caught), caught[:3])  # expect: 346 6 [(3, 'bottom'), (8, 'bottom'), (13, 'bottom')]
for row in generators_resumed_by_the_runtime(12):
    print(row)
    # expect: (-1, 18, 'generator raised StopIteration')
    # expect: (8, 58, 'generator raised StopIteration')
    # expect: (30, 179, 'generator raised StopIteration')
    # expect: (28, 543, 'generator raised StopIteration')
    # expect: (4, 1636, 'generator raised StopIteration')
    # expect: (21, 18, 'generator raised StopIteration')
    # expect: (12, 58, 'generator raised StopIteration')
    # expect: (33, 179, 'generator raised StopIteration')
    # expect: (17, 543, 'generator raised StopIteration')
    # expect: (3, 1636, 'generator raised StopIteration')
    # expect: (17, 18, 'generator raised StopIteration')
    # expect: (46, 58, 'generator raised StopIteration')
print([drain_after_first(2 + k % 2) for k in range(50)][-3:])  # expect: [(0, 5), (0, 1), (0, 5)]
print(give_up_then_trace(6))  # expect: [43, 45, 47, 49, 51, 53]
def handled(k):
    try:
        return recursion_with_handler(k)
    except KeyError as e:
        return ("KeyError", e.args[0])


print([handled(k) for k in range(1, 9)])  # expect: [('KeyError', 0), -2, 1, 5, 10, 16, 23, 31]
print(fib(20))  # expect: 6765
