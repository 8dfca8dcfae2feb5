# Calls from compiled code into function traces run the callee's trace with
# its caller's context: the caller's frame, hidden-frame count and stack top
# must be its own again after every kind of return (the callee's Return, a
# side exit part-way, an exception, a RecursionError), also when the callee
# grew the value stack.
import sys


def leaf(a, b):
    return a * 3 + b


def mixed(n, k):
    # Leaves its trace at the type guard once `k` turns into a float.
    if n <= 0:
        return k
    return leaf(n, k) + mixed(n - 1, k) - leaf(n, 0)


def deep(n):
    # Deep enough to grow the value stack while the caller's slots are live.
    if n == 0:
        return 0
    return deep(n - 1) + 1


def caller(i):
    x = i * 7
    y = deep(150 + i % 50)
    z = mixed(i % 6, i if i % 9 else i + 0.5)
    return x + y + z


total = 0
for i in range(120):
    total += caller(i)
print(total)


class Box:
    def __init__(self, v):
        self.v = v

    def get(self, n):
        if n == 0:
            return self.v
        return self.get(n - 1)


def fail_at(n, at):
    if n == at:
        raise ValueError("at " + str(n))
    if n == 0:
        return 0
    return fail_at(n - 1, at) + 1


boxes = [Box(i) for i in range(10)]
acc = 0
errors = []
for i in range(200):
    acc += boxes[i % 10].get(i % 13)
    try:
        acc += fail_at(i % 17, 5)
    except ValueError as e:
        errors.append(str(e))
print(acc, len(errors), errors[:2])


def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n


def probe_from_loop(rounds):
    seen = []
    for r in range(rounds):
        seen.append(probe(0))
    return seen


sys.setrecursionlimit(400)
print(sorted(set(probe_from_loop(30))))
print(probe(0))
# expect: 95977.5
# expect: 1020 140 ['at 5', 'at 5']
# expect: [397]
# expect: 398
