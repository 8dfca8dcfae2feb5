# New instances whose __init__ sets their attributes: raw code allocates them
# with their final layout at once when nothing in between can see them.
# Attribute order differing by branch, values computed after the allocation,
# more attributes than the allocation call takes, an __init__ that lets the
# object escape or fails half-way, classes patched mid-loop, attributes
# added later, and guards failing right after the allocation.


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Wide:
    def __init__(self, x):
        self.x = x
        self.y = x + 1
        self.z = x * 2
        self.me = self
        self.w = None


class Ordered:
    def __init__(self, flip, v):
        if flip:
            self.q = v
            self.p = -v
        else:
            self.p = v
            self.q = -v


seen = []


class Escapes:
    def __init__(self, v):
        self.first = v
        seen.append(len(vars(self)))
        self.second = v * 3


class Halfway:
    def __init__(self, v):
        self.ok = v
        if v % 7 == 3:
            raise ValueError(v)
        self.rest = 10 // (v % 5)


total = 0
keep = []
for i in range(300):
    p = Pair(i, -i)
    w = Wide(i)
    o = Ordered(i % 3 == 0, i)
    total += p.a + p.b + w.y + w.z + o.p - o.q
    if w.me is not w or w.w is not None:
        print("broken", i)
    if i % 60 == 0:
        print(i, sorted(vars(p)), list(vars(w)), list(vars(o)), total)
        # expect: 0 ['a', 'b'] ['x', 'y', 'z', 'me', 'w'] ['q', 'p'] 1
        # expect: 60 ['a', 'b'] ['x', 'y', 'z', 'me', 'w'] ['q', 'p'] 6691
        # expect: 120 ['a', 'b'] ['x', 'y', 'z', 'me', 'w'] ['q', 'p'] 26581
        # expect: 180 ['a', 'b'] ['x', 'y', 'z', 'me', 'w'] ['q', 'p'] 59671
        # expect: 240 ['a', 'b'] ['x', 'y', 'z', 'me', 'w'] ['q', 'p'] 105961
    if i % 97 == 0:
        keep.append(o)
print(total, [list(vars(o)) for o in keep])  # expect: 165150 [['q', 'p'], ['p', 'q'], ['p', 'q'], ['q', 'p']]

for i in range(200):
    e = Escapes(i)
    total += e.second
print(total, seen[:3], len(seen))  # expect: 224850 [1, 1, 1] 200

fails = 0
for i in range(200):
    try:
        h = Halfway(i)
        total += h.rest + h.ok
    except ValueError:
        fails += 1
    except ZeroDivisionError:
        fails += 100
print(total, fails)  # expect: 239196 3429

# A class patched mid-loop: its __init__ replaced, a class attribute that
# __init__ reads before any store, and a __setattr__ added.


class Patched:
    scale = 2

    def __init__(self, v):
        self.v = v * self.scale
        self.tag = "a"


def init_b(self, v):
    self.tag = "b"
    self.v = v


log = []


def noisy_setattr(self, name, value):
    log.append(name)
    object.__setattr__(self, name, value)


acc = 0
for i in range(400):
    if i == 100:
        Patched.scale = 5
    if i == 200:
        Patched.__init__ = init_b
    if i == 300:
        Patched.__setattr__ = noisy_setattr
    x = Patched(i)
    acc += x.v
    if i % 50 == 0:
        print(i, list(vars(x)), x.v, x.tag)
        # expect: 0 ['v', 'tag'] 0 a
        # expect: 50 ['v', 'tag'] 100 a
        # expect: 100 ['v', 'tag'] 500 a
        # expect: 150 ['v', 'tag'] 750 a
        # expect: 200 ['tag', 'v'] 200 b
        # expect: 250 ['tag', 'v'] 250 b
        # expect: 300 ['tag', 'v'] 300 b
        # expect: 350 ['tag', 'v'] 350 b
print(acc, len(log), log[:4])  # expect: 144550 200 ['tag', 'v', 'tag', 'v']

# Attributes added after __init__, on some instances only; instances that
# differ in type arriving at the same allocation site's guards.


class Grow:
    def __init__(self, n):
        self.n = n


grown = []
for i in range(300):
    g = Grow(i if i % 11 else float(i))
    if i % 4 == 0:
        g.extra = i
    if i % 8 == 0:
        g.more = -i
    grown.append(g)
    if len(grown) > 40:
        grown.pop(0)
print(
    sum(g.n for g in grown),
    sum(getattr(g, "extra", 0) for g in grown),
    [list(vars(g)) for g in grown[:8]],
)
# expect: 11180.0 2780 [['n', 'extra'], ['n'], ['n'], ['n'], ['n', 'extra', 'more'], ['n'], ['n'], ['n']]

# Many short-lived objects (collections run during the loop).
node = None
for i in range(30000):
    node = Pair(node if i % 1000 else None, i)
depth = 0
while node is not None:
    depth += 1
    node = node.a
print(depth)  # expect: 1000

# Tuples built from values in a loop (sizes 0 to 5), and from lists (a call
# with *args), kept across collections.


def count_args(*args):
    return len(args), args[-1] if args else None


pairs = []
for i in range(3000):
    t0 = ()
    t1 = (i,)
    t2 = (i, -i)
    t5 = (i, t1, t2, "s", None)
    lst = [i, i + 1, t5]
    n, last = count_args(*lst)
    if i % 500 == 0:
        pairs.append((t0, t1, t2, t5, n, last[0]))
print(pairs[:2], len(pairs), t5, count_args(*[]))  # expect: [((), (0,), (0, 0), (0, (0,), (0, 0), 's', None), 3, 0), ((), (500,), (500, -500), (500, (500,), (500, -500), 's', None), 3, 500)] 6 (2999, (2999,), (2999, -2999), 's', None) (0, None)
