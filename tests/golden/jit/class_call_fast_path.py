# Calling a plain user class from the interpreter: the instance goes in the
# call's function slot as `self` of `__init__` (no argument vectors, the
# `__init__` cached per call site under the class's version). Classes that
# change, override `__new__`, take defaults or misbehave still act as in
# CPython.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    pass


def make(cls, n):
    out = []
    for i in range(n):
        out.append(cls(i, -i))
    return out


ps = make(P, 5) + make(Q, 3)
print([(type(p).__name__, p.x, p.y) for p in ps][-4:])  # expect: [('P', 4, -4), ('Q', 0, 0), ('Q', 1, -1), ('Q', 2, -2)]


def init3(self, x, y):
    self.x = x * 10
    self.y = y * 10


P.__init__ = init3
print([(p.x, p.y) for p in make(P, 3)], make(Q, 2)[1].x)  # expect: [(0, 0), (10, -10), (20, -20)] 10


class WithNew:
    def __new__(cls, a):
        obj = super().__new__(cls)
        obj.made_by_new = a
        return obj

    def __init__(self, a):
        self.a = a + 1


w = [WithNew(i) for i in range(3)][-1]
print(w.made_by_new, w.a)  # expect: 2 3


class Defaults:
    def __init__(self, a, b=7):
        self.s = a + b


print([Defaults(i).s for i in range(3)], Defaults(1, 2).s)  # expect: [7, 8, 9] 3


class ReturnsValue:
    def __init__(self):
        return 5


try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: __init__() should return None, not 'int'


class Base:
    def __init__(self, v):
        self.v = v


class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
        self.extra = v


c = [Child(i) for i in range(4)][-1]
print(c.v, c.extra)  # expect: 6 3


class Picky:
    def __init__(self, k):
        if k > 2:
            raise ValueError("k too big: %d" % k)
        self.k = k


try:
    for i in range(5):
        Picky(i)
except ValueError as e:
    print("ValueError:", e, i)  # expect: ValueError: k too big: 3 3

try:
    P(1)
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: init3() missing 1 required positional argument: 'y'


class Node:
    def __init__(self, child):
        self.child = child


def chain(n):
    if n == 0:
        return None
    return Node(chain(n - 1))


def depth(node):
    d = 0
    while node is not None:
        d += 1
        node = node.child
    return d


print(depth(chain(300)))  # expect: 300


class Deep:
    def __init__(self, n):
        self.inner = Deep(n - 1) if n else None


try:
    Deep(100000)
except RecursionError:
    print("RecursionError")  # expect: RecursionError


class Err(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


print([str(Err(i)) for i in range(2)], Err(7).code)  # expect: ['code 0', 'code 1'] 7
