# `==`, `in`, list.remove and list.index over instances of classes without
# `__eq__` (identity), in hot loops, and after `__eq__` is added to the
# class, to a base class or to a subclass, or removed again.


class Base:
    def __init__(self, k):
        self.k = k


class Mid(Base):
    pass


class Leaf(Mid):
    pass


def scan(items, probes):
    hits = 0
    for p in probes:
        if p in items:
            hits += 1
        for q in items:
            if q == p:
                hits += 10
    return hits


def churn(n):
    pool = [Leaf(i % 5) for i in range(n)]
    keep = list(pool)
    removed = 0
    for x in keep[::3]:
        pool.remove(x)
        removed += 1
    return removed, len(pool), pool.index(keep[1]), Leaf(1) in pool


def by_key(self, other):
    return isinstance(other, Base) and self.k == other.k


items = [Leaf(i % 4) for i in range(12)]
probes = [Leaf(1), items[3], Mid(2), Base(0), 7, "x"]
print("plain", scan(items, probes), churn(300))  # expect: plain 11 (100, 200, 0, False)
for _ in range(200):
    scan(items, probes)

Mid.__eq__ = by_key
Mid.__hash__ = None
print("base eq", scan(items, probes), churn(300))  # expect: base eq 124 (100, 200, 1, True)

del Mid.__eq__
print("removed", scan(items, probes), churn(300))  # expect: removed 11 (100, 200, 0, False)

Leaf.__eq__ = lambda self, other: other == "x"
print("leaf eq", scan(items, probes), Leaf(0) == "x", "x" == Leaf(0), Leaf(0) == Leaf(0))  # expect: leaf eq 363 True True True
del Leaf.__eq__

print("after", scan(items, probes), churn(60))  # expect: after 11 (20, 40, 0, False)
