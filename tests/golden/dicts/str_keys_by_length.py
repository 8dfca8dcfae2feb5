# Dict and set keys of every text length the str hash and the key compare
# treat differently (empty, 1-3, 4-8, 9-16 bytes, longer, non-ASCII), built
# fresh each time so lookups compare text, not identity; texts that differ
# in one byte at the start, middle or end; thousands of keys (collisions,
# growth), deletion and reinsertion, missing keys, user keys whose __eq__
# mutates the dict, unhashable keys, and frozensets reaching set.add.


def variants(n):
    base = "".join(chr(97 + (i * 7) % 26) for i in range(n))
    out = [base]
    for pos in {0, n // 2, n - 1}:
        if 0 <= pos < n:
            out.append(base[:pos] + "Z" + base[pos + 1:])
    return out


keys = []
for n in list(range(0, 20)) + [23, 24, 31, 32, 33, 64, 100]:
    keys.extend(variants(n))
keys.extend(["é", "éa", "aé", "ééé", "\u1234bc", "ab\u1234", "x\U0001F600y"])
print(len(keys), len(set(keys)))  # expect: 109 109

# ---- each key counted through fresh objects (slices and concatenations)
counts = {}
seen = set()
for rep in range(300):
    for k in keys:
        fresh = ("#" + k)[1:]
        counts[fresh] = counts.get(fresh, 0) + 1
        seen.add(fresh[:3])
print(len(counts), min(counts.values()), max(counts.values()))  # expect: 109 300 300
print(sorted(counts)[:6])  # expect: ['', 'Z', 'Zh', 'Zho', 'Zhov', 'Zhovc']
print(sorted(seen)[:8], len(seen))  # expect: ['', 'Z', 'Zh', 'Zho', 'a', 'aZ', 'aZo', 'abሴ'] 17
hits = 0
for rep in range(200):
    for k in keys:
        if ("" + k + "") in counts:
            hits += 1
        if (k + "?") in counts:
            hits -= 1000
print(hits)  # expect: 21800

# ---- thousands of keys: growth, deletes, tombstones, reinsertion order
big = {}
for i in range(5000):
    big["k" + str(i)] = i
for i in range(0, 5000, 3):
    del big["k" + str(i)]
for i in range(0, 5000, 6):
    big["k" + str(i)] = -i
order = list(big)
print(len(big), order[:4], order[-3:])  # expect: 4167 ['k1', 'k2', 'k4', 'k5'] ['k4986', 'k4992', 'k4998']
total = 0
for i in range(5000):
    total += big.get("k" + str(i), 100000)
print(total)  # expect: 89547501
print(big.pop("k3", "gone"), big.pop("k6"), big.setdefault("k3", 33), big["k3"])  # expect: gone -6 33 33
try:
    big["k9"]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'k9'
ints = {}
for i in range(4000):
    ints[i * 7919 % 10007] = i
for i in range(0, 10007, 2):
    ints.pop(i, None)
acc = 0
for i in range(10007):
    if i in ints:
        acc += ints[i]
print(len(ints), acc, -1 in ints, ints.get(-2, "none"))  # expect: 1999 3994905 False none

# ---- equal keys of different types share an entry
mix = {}
for i in range(300):
    mix[1] = mix.get(1.0, 0) + 1
    mix[True] = mix[True] + 1
    mix[2.0] = mix.get(2, 0) + 1
print(mix)  # expect: {1: 600, 2.0: 300}
ms = set()
for i in range(300):
    ms.add(i % 3)
    ms.add(float(i % 3))
    ms.add(i % 3 == 1)
print(sorted(ms), len(ms))  # expect: [0, 1, 2] 3

# ---- sets of strs and ints: add, discard, remove
ss = set()
for i in range(2000):
    ss.add("s" + str(i % 700))
    ss.add(i % 500)
for i in range(0, 700, 2):
    ss.discard("s" + str(i))
    ss.discard("never")
for i in range(0, 500, 5):
    ss.remove(i)
print(len(ss), "s1" in ss, "s2" in ss, 5 in ss, 6 in ss)  # expect: 750 True False False True
try:
    ss.remove("s2")
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 's2'


# ---- a user key whose __eq__ mutates the dict it is looked up in
class Meddler:
    def __init__(self, v, d):
        self.v = v
        self.d = d

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if isinstance(other, Meddler):
            for i in range(50):
                self.d[("grow", self.v, i)] = i
            return self.v == other.v
        return NotImplemented


md = {}
md[Meddler(1, md)] = "one"
try:
    print(md.get(Meddler(1, md)), len(md))  # expect: one 51
except RuntimeError as e:
    print("RuntimeError", e)
try:
    print(md.get(Meddler(2, md)), len(md))  # expect: None 51
except RuntimeError as e:
    print("RuntimeError", e)

# ---- unhashable keys
for bad in ([1], {}, set()):
    try:
        counts[bad] = 1
    except TypeError as e:
        print("TypeError", e)  # expect: TypeError unhashable type: 'list'
    try:
        seen.add(bad)
    except TypeError as e:
        print("TypeError", e)
        # expect: TypeError unhashable type: 'list'
        # expect: TypeError unhashable type: 'dict'
        # expect: TypeError unhashable type: 'dict'
        # expect: TypeError unhashable type: 'set'
        # expect: TypeError unhashable type: 'set'


# ---- set.add on sets and frozensets in one hot loop
def add_all(objs):
    out = []
    for s in objs:
        try:
            s.add("x" + str(len(out) % 3))
            out.append(len(s))
        except AttributeError as e:
            out.append(str(e))
    return out


objs = [set() for _ in range(300)] + [frozenset([1])] + [set([5]) for _ in range(300)]
r = add_all(objs)
print(r[:2], r[300], r[301:303], len(r))  # expect: [1, 1] 'frozenset' object has no attribute 'add' [2, 2] 601
