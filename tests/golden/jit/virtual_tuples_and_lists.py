# Small tuples and lists built and consumed in one loop iteration (the
# optimizer keeps them virtual) while guards fail mid-loop: the exits must
# build the tuples and lists the interpreter then sees.


class Box:
    def __init__(self, v):
        self.v = v


def pairs(xs):
    prev = None
    for x in xs:
        if prev is not None:
            yield prev, x
        prev = x


def unpack_pairs_type_change():
    # The items turn from ints to floats and strs mid-loop.
    total = 0
    items = list(range(40)) + [1.5, 2.5] + list(range(10)) + ["a", "b"]
    out = []
    for a, b in pairs(items):
        if isinstance(b, str):
            out.append((a, b))
        else:
            total += a * b
    print("pairs", total, out)


def tuple_escapes_sometimes():
    kept = []
    for i in range(60):
        t = (i, i + 1)
        x, y = t
        if i % 17 == 5:
            kept.append(t)
        if i == 45:
            kept.append((t, [x, y]))
    print("kept", kept)


def nested_tuples():
    acc = 0
    last = None
    for i in range(50):
        t = ((i, i * 2), (i + 1, "s" if i > 40 else i))
        (a, b), (c, d) = t
        if isinstance(d, str):
            last = t
        else:
            acc += a + b + c + d
    print("nested", acc, last)


def tuple_holding_instance():
    total = 0
    boxes = []
    for i in range(50):
        t = (Box(i), i)
        b, j = t
        total += b.v + j
        if i % 23 == 22:
            boxes.append(t[0].v)
            boxes.append(t)
    print("boxes", total, [x if isinstance(x, int) else (x[0].v, x[1]) for x in boxes])


def list_mutated_then_read():
    total = 0
    seen = []
    for i in range(60):
        l = [i, i + 1, i + 2]
        l[1] = l[0] * 3
        l[2] = -l[2]
        total += l[0] + l[1] + l[2] + len(l)
        if i == 33:
            seen.append(l)
        if i == 50:
            l.append(99)
            seen.append(l)
    print("lists", total, seen)


def list_grows_sometimes():
    out = []
    for i in range(50):
        l = [i, 2 * i]
        if i % 9 == 4:
            l.append(i)
        out.append(len(l) + l[-1])
    print("grow", sum(out), out[:12])


def tuples_compared_hashed_and_keys():
    d = {}
    eq = 0
    for i in range(60):
        k = (i % 7, i % 3)
        if k == (1, 2):
            eq += 1
        d[k] = d.get(k, 0) + i
        h = hash(k) == hash((i % 7, i % 3))
        if not h:
            print("hash differs")
    print("keys", eq, sorted(d.items())[:6], len(d))


def make_pair(i):
    if i == 31:
        raise ValueError(i)
    return i, -i


def tuple_returned_from_function():
    total = 0
    for i in range(50):
        try:
            a, b = make_pair(i)
        except ValueError as e:
            print("caught", e)
            continue
        total += a - b
    print("returned", total)


def early_return(limit):
    for i in range(100):
        t = (i, i * i)
        a, b = t
        if b > limit:
            return t
    return None


def exceptions_with_virtuals():
    out = []
    for i in range(40):
        t = (i, 10 - i % 11)
        try:
            q = t[0] // t[1]
        except ZeroDivisionError:
            out.append(("zero", t))
            continue
        out.append(q)
    print("divs", out[-6:], [x for x in out if isinstance(x, tuple)])


def swap_in_loop():
    a, b = 0, 1
    for i in range(80):
        a, b = b, (a + b) % 1000
        if i == 70:
            a, b = str(a), str(b)
            print("swapped", a, b)
            a, b = int(a), int(b)
    print("fib", a, b)


def tuple_identity():
    same = 0
    for i in range(40):
        t = (i, i)
        u = t
        if u is t:
            same += 1
        if t is None:
            print("never")
    print("identity", same)


def generator_of_triples(n):
    for i in range(n):
        yield i, i * i, [i]


def generator_consumer():
    total = 0
    keep = []
    for a, b, l in generator_of_triples(60):
        total += a + b + l[0]
        if a == 57:
            keep.append(l)
            l.append(a)
    print("triples", total, keep)


def list_holding_itself():
    out = []
    for i in range(30):
        l = [0, i]
        l[0] = l
        t = (l, i)
        if i % 7 == 3:
            out.append(t)
        if i == 20:
            l[1] = "x"
    print("cycle", len(out), out[-1][0] is out[-1][0][0], out[-1][0][1], repr(out[0]))


def pairs_kept_whole():
    # The consumer indexes the yielded tuple instead of unpacking it, and
    # keeps some of them.
    kept = []
    total = 0
    for p in pairs(range(50)):
        total += p[0] * p[1] - len(p)
        if p[1] % 16 == 0:
            kept.append(p)
    print("whole", total, kept)


unpack_pairs_type_change()  # expect: pairs 20062.25 [(9, 'a'), ('a', 'b')]
tuple_escapes_sometimes()  # expect: kept [(5, 6), (22, 23), (39, 40), ((45, 46), [45, 46]), (56, 57)]
nested_tuples()  # expect: nested 4141 ((49, 98), (50, 's'))
tuple_holding_instance()  # expect: boxes 2450 [22, (22, 22), 45, (45, 45)]
list_mutated_then_read()  # expect: lists 5370 [[33, 99, -35], [50, 150, -52, 99]]
list_grows_sometimes()  # expect: grow 2397 [2, 4, 6, 8, 7, 12, 14, 16, 18, 20, 22, 24]
tuples_compared_hashed_and_keys()  # expect: keys 3 [((0, 0), 63), ((0, 1), 84), ((0, 2), 105), ((1, 0), 108), ((1, 1), 66), ((1, 2), 87)] 21
tuple_returned_from_function()
# expect: caught 31
# expect: returned 2388
print("early", early_return(300), early_return(10**9))  # expect: early (18, 324) None
exceptions_with_virtuals()  # expect: divs [3, 4, 5, 6, 7, 9] [('zero', (10, 0)), ('zero', (21, 0)), ('zero', (32, 0))]
swap_in_loop()
# expect: swapped 129 264
# expect: fib 685 906
tuple_identity()  # expect: identity 40
generator_consumer()  # expect: triples 73750 [[57, 57]]
list_holding_itself()  # expect: cycle 4 True 24 ([[...], 3], 3)
pairs_kept_whole()  # expect: whole 39102 [(15, 16), (31, 32), (47, 48)]
