# Dict and set lookups whose key's `__eq__` mutates the container while the
# lookup probes it: growing it (a resize frees the table being probed),
# clearing it, deleting or replacing the candidate key, inserting without a
# resize. CPython restarts the lookup when the table or the candidate entry
# changed, and keeps probing otherwise; the `__eq__` call counts show which.

pending = []  # actions run by the next `__eq__` call, one per call
calls = [0]


class Key:
    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        calls[0] += 1
        if pending:
            pending.pop(0)()
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return "K" + self.name


def grow(c, n=40):
    def act():
        for i in range(100, 100 + n):
            if isinstance(c, dict):
                c[i] = i
            else:
                c.add(i)
    return act


def clear(c):
    return c.clear


def add_one(c, k):
    def act():
        if isinstance(c, dict):
            c[k] = "one"
        else:
            c.add(k)
    return act


def report(label, result, c):
    n = calls[0]
    calls[0] = 0
    keys = [k for k in c if isinstance(k, Key)]
    print(label, result, "calls", n, "len", len(c), "keys", keys)


# ---- dicts: `in`, get, [], []=, del, setdefault, pop
d = {Key("a", 7): "A"}
pending.append(grow(d))
report("in+grow", Key("a", 7) in d, d)  # expect: in+grow True calls 2 len 41 keys [Ka]
pending.append(grow(d, 80))
report("get+grow", d.get(Key("a", 7), "missing"), d)  # expect: get+grow A calls 2 len 81 keys [Ka]
pending.append(clear(d))
report("get+clear", d.get(Key("a", 7), "missing"), d)  # expect: get+clear missing calls 1 len 0 keys []

d = {Key("a", 7): "A"}
pending.append(clear(d))
try:
    d[Key("a", 7)]
    report("getitem+clear", "found", d)
except KeyError as e:
    report("getitem+clear KeyError", e, d)  # expect: getitem+clear KeyError Ka calls 1 len 0 keys []

d = {Key("a", 7): "A"}
pending.append(grow(d))
d[Key("a", 7)] = "B"
report("setitem+grow", d[Key("a", 7)], d)  # expect: setitem+grow B calls 3 len 41 keys [Ka]

d = {Key("a", 7): "A"}
pending.append(clear(d))
d[Key("a", 7)] = "C"
# (CPython 3.11 then cannot find the key again: its insert into the table
# `clear` left mixes two entry layouts; only iteration is shown.)
report("setitem+clear", list(d.values()), d)  # expect: setitem+clear ['C'] calls 1 len 1 keys [Ka]

d = {Key("a", 7): "A", Key("b", 7): "B"}
pending.append(grow(d))
del d[Key("b", 7)]
report("del+grow", Key("b", 7) in d, d)  # expect: del+grow False calls 5 len 41 keys [Ka]

d = {Key("a", 7): "A"}
pending.append(clear(d))
try:
    del d[Key("a", 7)]
    report("del+clear", "deleted", d)
except KeyError as e:
    report("del+clear KeyError", e, d)  # expect: del+clear KeyError Ka calls 1 len 0 keys []

d = {Key("a", 7): "A"}
pending.append(grow(d))
report("setdefault+grow", d.setdefault(Key("a", 7), "new"), d)  # expect: setdefault+grow A calls 2 len 41 keys [Ka]
d = {Key("a", 7): "A"}
pending.append(clear(d))
report("setdefault+clear", d.setdefault(Key("a", 7), "new"), d)  # expect: setdefault+clear new calls 1 len 1 keys [Ka]
d = {Key("a", 7): "A"}
pending.append(grow(d))
report("pop+grow", d.pop(Key("a", 7), "none"), d)  # expect: pop+grow A calls 2 len 40 keys []
d = {Key("a", 7): "A"}
pending.append(clear(d))
report("pop+clear", d.pop(Key("a", 7), "none"), d)  # expect: pop+clear none calls 1 len 0 keys []

# The candidate key is deleted, or replaced by an equal key: restart.
d = {Key("a", 7): "A"}
first = list(d)[0]
pending.append(lambda: d.pop(first))
report("in+delete-candidate", Key("a", 7) in d, d)  # expect: in+delete-candidate False calls 1 len 0 keys []
d = {Key("a", 7): "A"}
first = list(d)[0]


def replace():
    del d[first]
    d[Key("a", 7)] = "replaced"


pending.append(replace)
report("get+replace-candidate", d.get(Key("a", 7)), d)  # expect: get+replace-candidate replaced calls 2 len 1 keys [Ka]

# An insert that does not resize keeps the probe going (one `__eq__` call).
d = {Key("a", 7): "A", 1: 1}
pending.append(add_one(d, 2))
report("in+insert", Key("a", 7) in d, d)  # expect: in+insert True calls 1 len 3 keys [Ka]
d = {Key("a", 7): "A"}
pending.append(add_one(d, Key("z", 7)))
report("in+insert-same-hash", Key("b", 7) in d, d)  # expect: in+insert-same-hash False calls 3 len 2 keys [Ka, Kz]

# Every comparison grows the dict: a chain of equal hashes.
d = {Key(str(i), 3): i for i in range(6)}
for i in range(6):
    pending.append(grow(d, 10 + 10 * i))
report("chain+grow", d.get(Key("5", 3)), d)  # expect: chain+grow 5 calls 25 len 66 keys [K0, K1, K2, K3, K4, K5]
pending.clear()

# ---- sets: add, in, remove, discard
s = {Key("a", 7)}
pending.append(grow(s))
report("set in+grow", Key("a", 7) in s, s)  # expect: set in+grow True calls 2 len 41 keys [Ka]
pending.append(clear(s))
report("set in+clear", Key("a", 7) in s, s)  # expect: set in+clear False calls 1 len 0 keys []
s = {Key("a", 7)}
pending.append(grow(s))
s.add(Key("a", 7))
report("set add+grow", Key("a", 7) in s, s)  # expect: set add+grow True calls 2 len 41 keys [Ka]
s = {Key("a", 7)}
pending.append(clear(s))
s.add(Key("a", 7))
report("set add+clear", Key("a", 7) in s, s)  # expect: set add+clear False calls 1 len 0 keys []
s = {Key("a", 7)}
pending.append(grow(s))
s.remove(Key("a", 7))
report("set remove+grow", Key("a", 7) in s, s)  # expect: set remove+grow False calls 2 len 40 keys []
s = {Key("a", 7)}
pending.append(clear(s))
try:
    s.remove(Key("a", 7))
    report("set remove+clear", "removed", s)
except KeyError as e:
    report("set remove+clear KeyError", e, s)  # expect: set remove+clear KeyError Ka calls 1 len 0 keys []
s = {Key("a", 7)}
pending.append(clear(s))
s.discard(Key("a", 7))
report("set discard+clear", Key("a", 7) in s, s)  # expect: set discard+clear False calls 1 len 0 keys []
s = {Key("a", 7)}
first = list(s)[0]
pending.append(lambda: s.discard(first))
report("set in+delete-candidate", Key("a", 7) in s, s)  # expect: set in+delete-candidate False calls 1 len 0 keys []
s = {Key("a", 7), 1}
pending.append(add_one(s, 2))
report("set in+insert", Key("a", 7) in s, s)  # expect: set in+insert True calls 1 len 3 keys [Ka]

# Set algebra calls `__eq__` while it walks the other set.
s = {Key("a", 7), Key("b", 7)}
t = {Key("b", 7), Key("c", 7)}
pending.append(grow(t))
s.update(t)
report("set update+grow-other", len(s), s)  # expect: set update+grow-other 38 calls 6 len 38 keys [Kb, Kc, Ka]
s = {Key("a", 7), Key("b", 7)}
t = {Key("b", 7), Key("c", 7)}
pending.append(clear(s))
s.update(t)
report("set update+clear-self", len(s), s)  # expect: set update+clear-self 2 calls 4 len 2 keys [Kb, Kc]
s = {Key("a", 7), Key("b", 7)}
t = {Key("b", 7), Key("c", 7)}
pending.append(clear(t))
report("set intersection+clear", s & t, s)  # expect: set intersection+clear set() calls 4 len 2 keys [Kb, Ka]
pending.clear()


# Set algebra walks a set by position while `__eq__` removes its keys (the
# removed keys are skipped; nothing freed is read).
def empty_out(c):
    def act():
        for k in list(c):
            c.remove(k)
    return act


def abc():
    return {Key("a", 7), Key("b", 7), Key("c", 7)}


s, t = abc(), abc()
pending.append(empty_out(s))
report("set issubset+empty", s <= t, s)  # expect: set issubset+empty True calls 10 len 0 keys []
s, t = abc(), abc()
pending.append(empty_out(t))
report("set isdisjoint+empty", s.isdisjoint(t), t)  # expect: set isdisjoint+empty False calls 10 len 0 keys []
s, t = abc(), abc()
pending.append(empty_out(s))
report("set difference+empty", len(s - t), s)  # expect: set difference+empty 0 calls 10 len 0 keys []
s, t = abc(), abc()
pending.append(empty_out(t))
report("set intersection+empty", len(s & t), t)  # expect: set intersection+empty 1 calls 10 len 0 keys []
s = {Key("a", 7), Key("b", 7)}
d = {Key("b", 7): 1, Key("c", 7): 2, Key("d", 7): 3}
pending.append(lambda: d.clear())
s.update(d)
report("set update-from-dict+clear", sorted(k.name for k in s), s)  # expect: set update-from-dict+clear ['a', 'b'] calls 5 len 2 keys [Ka, Kb]
s = abc()
pending.append(lambda: s.clear())
report("set issuperset-iterable+clear", s.issuperset(Key(n, 7) for n in "ab"), s)  # expect: set issuperset-iterable+clear False calls 4 len 0 keys []
pending.clear()

# ---- dict == dict and dict.update while `__eq__` changes the dict walked
a = {Key("a", 7): 1, Key("b", 7): 2}
b = {Key("a", 7): 1, Key("b", 7): 2}
pending.append(lambda: a.clear())
report("dict eq+clear", a == b, a)  # expect: dict eq+clear True calls 3 len 0 keys []
src = {Key("a", 7): 1, Key("b", 7): 2, Key("c", 7): 3}
dst = {Key("a", 7): 0}
pending.append(lambda: src.pop(list(src)[2]))
dst.update(src)
report("dict update+delete", sorted(dst.values()), dst)  # expect: dict update+delete [1, 2] calls 7 len 2 keys [Ka, Kb]
src = {Key("a", 7): 1, Key("b", 7): 2}
dst = {Key("a", 7): 0}
pending.append(grow(src, 3))
try:
    dst.update(src)
    report("dict update+grow", "ok", dst)
except RuntimeError as e:
    report("dict update+grow RuntimeError", e, dst)  # expect: dict update+grow RuntimeError dict mutated during update calls 2 len 1 keys [Ka]
pending.clear()

# ---- in a loop (hot for the JIT): each lookup grows the dict once
d = {}
for i in range(30):
    k = Key("x", 11)
    d[k] = i
    pending.append(grow(d, 5))
    if Key("x", 11) in d:
        del d[k]
report("loop", sorted(k for k in d if isinstance(k, int))[:3], d)  # expect: loop [100, 101, 102] calls 31 len 5 keys []
