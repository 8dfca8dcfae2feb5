# sum, any and all over generators: the same results, early stops and errors
# as the native builtins, with the generator left where the builtin stopped.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return Money(self.cents)
        return NotImplemented


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def noisy(items, log):
    for x in items:
        log.append(x)
        yield x


print(sum(x * x for x in range(600) if x % 3 != 0))  # expect: 47999800
print(sum(evens(900)), sum(evens(900), 10))  # expect: 202050 202060
print(sum((x * 0.1 for x in range(300)), 0.5))  # expect: 4485.5
print(sum(x * 12345678901 for x in range(400)))  # expect: 985185176299800
print(sum(([x] for x in range(4)), []))  # expect: [0, 1, 2, 3]
print(sum((Money(c) for c in range(1, 200))).cents)  # expect: 19900
print(sum(x for x in []), sum((x for x in []), 7))  # expect: 0 7

# Totals that change type mid-loop: int, then float, then big int.
def mixed(n):
    for i in range(n):
        if i == n // 2:
            yield 0.5
        elif i == n - 1:
            yield 10**30
        else:
            yield i

print(sum(mixed(200)))  # expect: 1e+30
print(sum(mixed(240), 2**70))  # expect: 1.0000000011805916e+30

# any/all stop at the first decisive item and leave the generator there.
log = []
g = noisy(range(100), log)
print(any(x > 40 for x in g), len(log), next(g))  # expect: True 42 42
log = []
g = noisy(range(100), log)
print(all(x < 60 for x in g), len(log), next(g))  # expect: False 61 61
print(any(evens(0)), all(evens(0)), any(evens(3)), all(evens(3)))  # expect: False True True False
print(any(x for x in [0, "", None, [], 3]), all(x for x in [1, "a", [0], 0]))  # expect: True False

# Truthiness through __bool__ and __len__.
class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


class Box:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(any(Flag(i == 70) for i in range(100)), all(Box(i + 1) for i in range(100)))  # expect: True True
print(all(Box(5 - i) for i in range(10)))  # expect: False

# Errors: from the generator, from adding, from truthiness.
def boom(n):
    for i in range(n):
        if i == 777:
            raise KeyError(i)
        yield i


for consumer in (sum, any, all):
    try:
        consumer(boom(1000)) if consumer is sum else consumer(x > -1 if consumer is all else x < -1 for x in boom(1000))
    except KeyError as e:
        print(consumer.__name__, "KeyError", e)
        # expect: sum KeyError 777
        # expect: any KeyError 777
        # expect: all KeyError 777

try:
    sum(x for x in [1, 2, "three"])
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for +: 'int' and 'str'
try:
    sum((x for x in range(3)), "")
except TypeError as e:
    print(e)  # expect: sum() can't sum strings [use ''.join(seq) instead]


class Bad:
    def __bool__(self):
        raise RuntimeError("no truth")


try:
    any(Bad() for _ in range(3))
except RuntimeError as e:
    print(e)  # expect: no truth

# An exhausted generator, and one consumed by two builtins in turn.
g = evens(10)
print(sum(g), sum(g), any(g), all(g))  # expect: 20 0 False True
g = (i for i in range(10))
print(any(x == 3 for x in g), sum(g))  # expect: True 39

# A hot loop calling them on fresh generators each time.
total = 0
for n in range(90):
    total += sum(i for i in range(n) if i & 1)
    if any(i * i == n for i in range(n)):
        total += 1
    if all(i < 70 for i in range(n)):
        total -= 1
print(total)  # expect: 58677

# Collecting a generator's items: list, tuple, sorted, min, max, join, set.
print(list(evens(9)), tuple(evens(7)), sorted(x * 7 % 5 for x in range(9)))  # expect: [0, 2, 4, 6, 8] (0, 2, 4, 6) [0, 0, 1, 1, 2, 2, 3, 4, 4]
print(min(x * 7 % 5 for x in range(1, 9)), max(evens(40)), ",".join(str(x) for x in evens(9)))  # expect: 0 38 0,2,4,6,8
print(sorted(set(x % 4 for x in range(50))), dict((x, -x) for x in evens(5)))  # expect: [0, 1, 2, 3] {0: 0, 2: -2, 4: -4}
print(list(x for x in []), min((x for x in []), default="none"))  # expect: [] none
try:
    max(x for x in [])
except ValueError as e:
    print(e)  # expect: max() arg is an empty sequence


def feeds_itself():
    yield 1
    yield list(me)


me = feeds_itself()
try:
    list(me)
except ValueError as e:
    print(e)  # expect: generator already executing
