# Operator dunders (__add__, __eq__, __lt__, __bool__, __len__, __getitem__) used in hot loops and replaced mid-loop.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)
    def __radd__(self, other):
        return Money(self.cents + other)
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __bool__(self):
        return self.cents != 0
    __hash__ = None

total = Money(0)
flags = 0
for i in range(500):
    if i == 200:
        Money.__add__ = lambda self, other: Money(self.cents + (other.cents if isinstance(other, Money) else other) * 2)
    if i == 350:
        Money.__bool__ = lambda self: self.cents % 2 == 0
    m = Money(i % 7)
    total = total + m
    if m:
        flags += 1
    if i % 100 == 0:
        print(i, total.cents, flags)
        # expect: 0 0 0
        # expect: 100 297 86
        # expect: 200 602 172
        # expect: 300 1212 258
        # expect: 400 1802 329
print(total.cents, flags, sum([Money(1), Money(2)], 0).cents)  # expect: 2394 386 5

# Comparisons through __lt__ and __eq__ inside sorted() and `in`.
ms = [Money((i * 37) % 101) for i in range(200)]
ordered = sorted(ms)
print(ordered[0].cents, ordered[-1].cents, Money(5) in ms, Money(500) in ms)  # expect: 0 100 True False

class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * self.n

s = Seq(10)
acc = 0
for rep in range(60):
    if rep == 30:
        Seq.__getitem__ = lambda self, i: (_ for _ in ()).throw(IndexError(i)) if i >= self.n else -i
    for v in s:  # old sequence protocol through __getitem__
        acc += v
    acc += len(s)
print(acc)  # expect: 12750
