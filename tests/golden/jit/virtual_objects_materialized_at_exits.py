# Objects the optimizer keeps virtual (never allocated) must be rebuilt, with
# the right fields, when a guard fails while they are alive.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


# A temporary object whose field changes type mid-loop: the type guard on
# the field fails while the object is virtual.
def temp_type_change(n):
    total = 0
    for i in range(n):
        v = i if i < 150 else i * 0.5
        total += Point(v, 2).x * 2
    return total


print(temp_type_change(300))  # expect: 56025.0


# A local object live at a failing guard: after the loop the local must be
# the object of the last iteration, with its fields.
def local_survives_exit(n):
    p = None
    for i in range(n):
        p = Point(i, -i)
        if i == n - 7:
            break
        q = p.x + p.y
    return p.x, p.y, type(p).__name__


print(local_survives_exit(200))  # expect: (193, -193, 'Point')


# An exception raised while a virtual object is alive: the handler sees it.
def exception_mid_loop(n):
    caught = []
    for i in range(n):
        p = Point(i, 10 - i % 11)
        try:
            r = p.x // p.y
        except ZeroDivisionError:
            caught.append((p.x, p.y))
            continue
        p.x = r
    return caught, p.x


print(exception_mid_loop(60))  # expect: ([(10, 0), (21, 0), (32, 0), (43, 0), (54, 0)], 9)


# Nested virtual objects (a Pair of Points) rebuilt at a guard failure.
def nested(n):
    out = None
    for i in range(n):
        w = Pair(Point(i, i + 1), Point(-i, 0.5 if i > 250 else 0))
        s = w.a.x + w.b.y
        if s == 255.5:
            out = w
    return out.a.x, out.a.y, out.b.x, out.b.y


print(nested(260))  # expect: (255, 256, -255, 0.5)


# Escapes on some iterations only; identity checks against fresh objects.
def escapes_sometimes(n):
    kept = []
    same = 0
    for i in range(n):
        p = Point(i, i * 2)
        if p is None:
            same += 100
        if i % 37 == 0:
            kept.append(p)
        if p is p:
            same += 1
    return [(k.x, k.y) for k in kept], same


print(escapes_sometimes(120))  # expect: ([(0, 0), (37, 74), (74, 148), (111, 222)], 120)


# Kept across iterations (the previous object is read in the next one).
def chain(n):
    prev = Point(0, 1)
    for i in range(n):
        prev = Point(prev.y, prev.x + prev.y)
    return prev.x


print(chain(80))  # expect: 23416728348467685


# A helper raises (KeyError) while a virtual object is alive in a local:
# the exception exit builds it, and the handler outside the loop reads it.
def helper_raises(n):
    table = {k: k * 2 for k in range(60)}
    p = None
    total = 0
    try:
        for i in range(n):
            p = Point(i, i + 1)
            total += table[p.x] + p.y
    except KeyError:
        return total, p.x, p.y, type(p).__name__
    return total


print(helper_raises(100))  # expect: (5370, 60, 61, 'Point')
