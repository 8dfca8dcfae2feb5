# isinstance(x, C) with a constant C, folded by the JIT to a guard on x's
# type: values whose class changes from one iteration to the next,
# subclasses, bool vs int, instances of one class with different layouts,
# a class patched mid-loop, constant tuples (nested), a global rebound to
# another class mid-loop, a spec that is not a type. Also closures whose
# cell a nested function rewrites between reads (cell reads are field
# loads the optimizer forwards until code may run).


class A:
    pass


class B(A):
    pass


class C:
    pass


class Shape:
    def __init__(self, n):
        if n % 2:
            self.x = n
            self.y = n
        else:
            self.y = n
            self.x = n


SPEC = (C, (str, (B, float)))
Target = A


def two_classes():
    objs = [A(), C()]
    n = 0
    for i in range(600):
        o = objs[(i * 7 // 5) % 2]
        if isinstance(o, A):
            n += 1
        elif isinstance(o, C):
            n += 100
    print("two classes", n)


def subclasses_and_bools():
    vals = [A(), B(), True, 3, False, 2.0, None, "s", [], (), {}, 10**30]
    counts = [0] * 7
    for i in range(700):
        v = vals[i % len(vals)]
        counts[0] += isinstance(v, A)
        counts[1] += isinstance(v, B)
        counts[2] += isinstance(v, int)
        counts[3] += isinstance(v, bool)
        counts[4] += isinstance(v, SPEC)
        counts[5] += isinstance(v, (list, (tuple, (dict,))))
        counts[6] += isinstance(v, type(None))
    print("subclasses", counts)


def layouts():
    shapes = [Shape(i) for i in range(10)]
    n = 0
    for i in range(500):
        s = shapes[i % 10]
        if isinstance(s, Shape):
            n += s.x
        if isinstance(s, A):
            n -= 1000
    print("layouts", n)


def patched_class():
    a = A()
    n = 0
    for i in range(500):
        if i == 250:
            A.extra = 5
        if isinstance(a, A):
            n += 1
        if isinstance(a, B):
            n += 1000
        if i > 250:
            n += a.extra
    print("patched", n)


def rebound_global():
    global Target
    objs = [A(), B(), C()]
    n = 0
    for i in range(600):
        if i == 300:
            Target = C
        if i == 450:
            Target = B
        if isinstance(objs[i % 3], Target):
            n += i
    Target = A
    print("rebound", n)


def not_a_type():
    specs = [int, (int, str), 5, (str, 5), (int, 5)]
    out = []
    for i in range(300):
        spec = specs[i % len(specs)]
        try:
            out.append(isinstance(i, spec))
        except TypeError as e:
            out.append(str(e)[:40])
    print("errors", out[:10], out.count(True), out.count(False))


def dump(v):
    if isinstance(v, str):
        return "s" + v
    if isinstance(v, list):
        return "[" + ",".join([dump(x) for x in v]) + "]"
    if isinstance(v, dict):
        return "{" + ",".join([k + ":" + dump(v[k]) for k in v]) + "}"
    return str(v)


def recursive_dump():
    out = 0
    for i in range(300):
        doc = {"a": [i, "x", {"b": [True, None, 1.5]}], "c": str(i)}
        out += len(dump(doc))
    print("dump", out, dump({"a": [1, "x", {"b": [True, None, 1.5]}]}))


def cell_rewritten():
    total = 0
    for i in range(400):
        v = i

        def bump():
            nonlocal v
            v += 1000

        total += v
        if i % 3 == 0:
            bump()
        total += v
        seen = [v + k for k in range(2)]
        total += seen[1]
    print("cells", total)


def cell_unbound():
    n = 0
    for i in range(300):

        def read():
            return w

        if i % 50 == 49:
            try:
                read()
            except NameError as e:
                n += 1
                msg = str(e)
        w = i
        n += read()
        del w
    print("unbound", n, msg)


two_classes()  # expect: two classes 30300
subclasses_and_bools()  # expect: subclasses [118, 59, 234, 117, 175, 174, 58]
layouts()  # expect: layouts 2250
patched_class()  # expect: patched 1745
rebound_global()  # expect: rebound 74800
not_a_type()  # expect: errors [True, True, 'isinstance() arg 2 must be a type, a tup', 'isinstance() arg 2 must be a type, a tup', True, True, True, 'isinstance() arg 2 must be a type, a tup', 'isinstance() arg 2 must be a type, a tup', True] 180 0
recursive_dump()  # expect: dump 11480 {a:[1,sx,{b:[True,None,1.5]}]}
cell_rewritten()  # expect: cells 507800
cell_unbound()  # expect: unbound 44856 cannot access free variable 'w' where it is not associated with a value in enclosing scope
