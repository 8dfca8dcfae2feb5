# Builtin calls the JIT folds at record time (min/max/abs of ints,
# range of ints, float of a str/int/float, int of an int, type(x)), with
# every guard failing somewhere: argument types changing mid-loop (floats,
# bools, big ints past the inline range, user classes with __lt__),
# builtins shadowed by globals and locals mid-loop, zero range steps and
# bad float texts raising mid-loop.


class Num:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v  # reversed on purpose

    def __gt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "Num(%d)" % self.v


def min_max_types():
    vals = [3, -7, 2**46, -(2**47), 2**50, True, False, 2.5, -0.0, 0.0, 10**20, 5]
    out = []
    acc = 0
    for i in range(600):
        a = vals[i % len(vals)]
        b = vals[(i * 5 + 3) % len(vals)]
        lo = min(a, b)
        hi = max(a, b)
        if i < 26:
            out.append((lo, hi, type(lo).__name__, type(hi).__name__))
        acc += int(lo) - int(hi)
    print(out)
    print("acc", acc)


def min_max_ints():
    t = 0
    for i in range(2000):
        t += min(i, 1000 - i) + max(i * 3, 500) - min(-i, i - 7) + max(i, i)
    print("ints", t)


def min_max_user_class():
    a, b = Num(1), Num(2)
    res = []
    for i in range(300):
        x = i if i < 150 else a
        y = i + 1 if i < 150 else b
        m = min(x, y)
        if i % 50 == 0 or i == 151:
            res.append(m)
    print(res)


def my_min(a, b):
    return "mine"


def shadowed_global():
    global min
    res = []
    for i in range(300):
        if i == 100:
            min = my_min
        if i == 200:
            del min
        res.append(min(i, 5))
    print(res[99], res[100], res[199], res[200], len(res))


def shadowed_local(min=min):
    res = []
    for i in range(300):
        if i == 150:
            min = max
        res.append(min(i, 100))
    print(res[149], res[150], res[299])


def abs_values():
    vals = [5, -5, 0, -(2**47), 2**47 - 1, -(2**47) + 1, True, -2.5, 10**30, -(10**30)]
    out = []
    s = 0
    for i in range(500):
        v = vals[i % len(vals)]
        a = abs(v)
        s += int(a) % 1000
        if i < len(vals):
            out.append((a, type(a).__name__))
    print(out)
    print("abs", s)


def ranges():
    total = 0
    steps = [1, 2, -1, 3, -2, 0, 7]
    errors = 0
    for i in range(700):
        st = steps[i % len(steps)]
        try:
            for k in range(i % 10, 20 - i % 13, st):
                total += k
        except ValueError:
            errors += 1
        for k in range(i % 5):
            total += k
        for k in range(2, i % 9):
            total -= k
    print("ranges", total, errors)


def range_odd_args():
    res = []
    args = [(3,), (True, 4), (1, 2**50, 2**49), (5, 0, -2), (0, 10, 3)]
    for i in range(300):
        a = args[i % len(args)]
        r = range(*a) if len(a) != 1 else range(a[0])
        n = 0
        for k in r:
            n += 1
            if n > 5:
                break
        res.append(n)
    print(sum(res), res[:10])
    r = range(4, 20, 5)
    s = 0
    for i in range(300):
        for k in r:
            s += k
    print("stored range", s)


def floats():
    texts = ["1.5", " -2e3 ", "inf", "nan", "1_000.25", "bad", "7", "-0.0", "1e400", ""]
    good = 0.0
    bad = 0
    for i in range(500):
        t = texts[i % len(texts)]
        try:
            f = float(t)
            if f == f and f not in (float("inf"), float("-inf")):
                good += f
        except ValueError:
            bad += 1
    print("float str", good, bad)
    vals = [3, -4, 2**47 - 1, 2.25, True, 10**20, -0.0]
    out = []
    for i in range(400):
        v = vals[i % len(vals)]
        f = float(v)
        g = int(v) if not isinstance(v, float) else v
        if i < len(vals):
            out.append((f, g, type(f).__name__, type(g).__name__))
    print(out)


def int_of_floats():
    vals = [2.5, -2.5, 1e20, -1e300, 0.0, -0.9, float("nan"), float("inf"), 7, 2**60 + 0.0]
    s = 0
    errors = []
    for i in range(500):
        v = vals[i % len(vals)]
        try:
            s += int(v) % 1000003
        except (ValueError, OverflowError) as e:
            if i < 20:
                errors.append(type(e).__name__)
    print("int of float", s, errors)


class A:
    pass


class B(A):
    pass


def type_tests():
    vals = [1, True, 2.0, "s", [1], (1,), {}, A(), B(), None, 2**70]
    counts = [0] * 8
    for i in range(800):
        v = vals[i % len(vals)]
        t = type(v)
        if t is int:
            counts[0] += 1
        if type(v) == A:
            counts[1] += 1
        if type(v) is not B:
            counts[2] += 1
        if type(v) != float:
            counts[3] += 1
        if type(v) is bool:
            counts[4] += 1
        if type(v) in (list, tuple):
            counts[5] += 1
        if t is type(None):
            counts[6] += 1
        if t == str:
            counts[7] += 1
    print("type", counts)


Number = int


def isinstance_built_tuples():
    global Number
    vals = [1, 2.5, True, "s", None, A(), B(), 10**30, [1]]
    counts = [0] * 5
    for i in range(600):
        if i == 300:
            Number = str
        v = vals[i % len(vals)]
        if isinstance(v, (int, float)):
            counts[0] += 1
        if isinstance(v, (Number, A)):
            counts[1] += 1
        if isinstance(v, (B, (str, type(None)))):
            counts[2] += 1
        if isinstance(v, ()):
            counts[3] += 1
        t = (list, int) if i % 3 else (float,)
        if isinstance(v, t):
            counts[4] += 1
    print("isinstance tuples", counts)


def type_shadowed():
    res = []
    global type
    for i in range(300):
        if i == 100:
            type = lambda v: "T"
        if i == 200:
            del type
        res.append(type(i) is int)
    print(res[99], res[100], res[199], res[200])


min_max_types()
# expect: [(-140737488355328, 3, 'int', 'int'), (-7, -0.0, 'int', 'float'), (-7, 70368744177664, 'int', 'int'), (-140737488355328, False, 'int', 'bool'), (5, 1125899906842624, 'int', 'int'), (True, 1125899906842624, 'bool', 'int'), (False, False, 'bool', 'bool'), (2.5, 70368744177664, 'float', 'int'), (-0.0, 2.5, 'float', 'float'), (0.0, 3, 'float', 'int'), (True, 100000000000000000000, 'bool', 'int'), (5, 100000000000000000000, 'int', 'int'), (-140737488355328, 3, 'int', 'int'), (-7, -0.0, 'int', 'float'), (-7, 70368744177664, 'int', 'int'), (-140737488355328, False, 'int', 'bool'), (5, 1125899906842624, 'int', 'int'), (True, 1125899906842624, 'bool', 'int'), (False, False, 'bool', 'bool'), (2.5, 70368744177664, 'float', 'int'), (-0.0, 2.5, 'float', 'float'), (0.0, 3, 'float', 'int'), (True, 100000000000000000000, 'bool', 'int'), (5, 100000000000000000000, 'int', 'int'), (-140737488355328, 3, 'int', 'int'), (-7, -0.0, 'int', 'float')]
# expect: acc -10000133700613937562000
min_max_ints()  # expect: ints 9787433
min_max_user_class()  # expect: [0, 50, 100, Num(2), Num(2), Num(2), Num(2)]
shadowed_global()  # expect: 5 mine mine 5 300
shadowed_local()  # expect: 100 150 299
abs_values()
# expect: [(5, 'int'), (5, 'int'), (0, 'int'), (140737488355328, 'int'), (140737488355327, 'int'), (140737488355327, 'int'), (1, 'int'), (2.5, 'float'), (1000000000000000000000000000000, 'int'), (1000000000000000000000000000000, 'int')]
# expect: abs 49750
ranges()  # expect: ranges 12953 100
range_odd_args()
# expect: 900 [3, 3, 2, 3, 4, 3, 3, 2, 3, 4]
# expect: stored range 13800
floats()
# expect: float str -49562.5 100
# expect: [(3.0, 3, 'float', 'int'), (-4.0, -4, 'float', 'int'), (140737488355327.0, 140737488355327, 'float', 'int'), (2.25, 2.25, 'float', 'float'), (1.0, 1, 'float', 'int'), (1e+20, 100000000000000000000, 'float', 'int'), (-0.0, -0.0, 'float', 'float')]
int_of_floats()  # expect: int of float 176483100 ['ValueError', 'OverflowError', 'ValueError', 'OverflowError']
type_tests()  # expect: type [145, 73, 728, 727, 73, 146, 72, 73]
isinstance_built_tuples()  # expect: isinstance tuples [267, 268, 200, 0, 199]
type_shadowed()  # expect: True False False True
