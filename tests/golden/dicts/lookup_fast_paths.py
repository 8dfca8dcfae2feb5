# Dict and set lookups whose fast paths skip `__eq__`: mixed int/float/bool
# keys, strs with equal text but distinct objects, equal-hash keys of
# different types, a user key counting its `__eq__`/`__hash__` calls,
# deletion and reinsertion order, and tables grown and shrunk many times.


# ---- int, float and bool keys share slots when equal
d = {}
for i in range(300):
    d[i % 7] = i
    d[float(i % 5)] = -i
    d[i % 2 == 0] = i * 2
print(sorted(d.items()))  # expect: [(0, 598), (True, 596), (2, -297), (3, -298), (4, -299), (5, 299), (6, 293)]
print(d[True], d[1], d[1.0], d[False], d[0], 3.0 in d, 7.5 in d)  # expect: 596 596 596 598 598 True False
print(list(d)[:4], repr(d)[:40])  # expect: [0, True, 2, 3] {0: 598, True: 596, 2: -297, 3: -298, 4:
mixed = {True: "t", 1.0: "f", 2: "two"}
for i in range(200):
    mixed[1] = mixed.get(1, "") [:3] + str(i % 10)
print(mixed, len(mixed))  # expect: {True: 'f019', 2: 'two'} 2

# ---- strs with equal text are equal keys, whatever object holds the text
counts = {}
parts = ["ab", "cd", "abc", "d", "", "abcdabcdabcdabcd", "abcdabcdabcdabcdx", "é", "éé"]
for i in range(400):
    a = parts[i % 9]
    b = parts[(i * 7) % 9]
    key = a + b
    counts[key] = counts.get(key, 0) + 1
total = 0
for k in counts:
    total += counts[k]
print(len(counts), total, counts["abab"], counts.get("ab" + "ab"), counts.get("zz", -1))  # expect: 9 400 45 45 -1
print("".join(["a", "bab"]) in counts, ("abc" + "d") in counts, "dab" in counts)  # expect: True False False
s = set()
for i in range(500):
    s.add(str(i % 37) + "x")
    s.add((str(i % 37) + "x")[:-1])
print(len(s), "12x" in s, "12" in s, "40" in s)  # expect: 74 True True False

# ---- an int key and a str key with the same hash value are different keys
hk = {}
probe = "collide"
hk[hash(probe)] = "int"
hk[probe] = "str"
for i in range(100):
    hk[hash(probe)] = hk[hash(probe)][:3] + str(i)
print(hk[hash(probe)], hk[probe], len(hk))  # expect: int99 str 2


# ---- user keys: __eq__ and __hash__ are called exactly as CPython calls them
class Key:
    eq_calls = 0
    hash_calls = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        Key.hash_calls += 1
        return self.n % 3

    def __eq__(self, other):
        Key.eq_calls += 1
        return isinstance(other, Key) and self.n == other.n

    def __repr__(self):
        return "Key(%d)" % self.n


keys = {}
for i in range(60):
    k = Key(i % 10)
    keys[k] = keys.get(k, 0) + 1
print(len(keys), sorted(keys.values()), Key.eq_calls, Key.hash_calls)  # expect: 10 [6, 6, 6, 6, 6, 6, 6, 6, 6, 6] 244 120
print(Key(4) in keys, Key(11) in keys, Key.eq_calls, Key.hash_calls)  # expect: True False 249 122
user_set = set()
for i in range(40):
    user_set.add(Key(i % 6))
print(len(user_set), Key.eq_calls, Key.hash_calls)  # expect: 6 302 162
before = Key.eq_calls
user_set.add(1)
user_set.add("s")
user_set.discard(2)
print(len(user_set), 1 in user_set, 4 in user_set, Key(4) in user_set, Key.eq_calls - before)  # expect: 8 True False True 8
try:
    user_set.remove(0)
except KeyError as e:
    print("KeyError", e, Key.eq_calls - before)  # expect: KeyError 0 10
# A plain key whose hash equals a user key's: compared through __eq__.
shared = {Key(1): "user"}
before = Key.eq_calls
shared[1] = "int"
shared["a"] = "str"
print(len(shared), Key.eq_calls - before, shared[1])  # expect: 3 1 int


class Same:
    """Equal to ints with the same value; hashes like them."""

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        return self.n == other


same = {2: "int two"}
same[Same(2)] = "same two"
print(len(same), same[2], same[Same(2)])  # expect: 1 same two same two
nan = float("nan")
nans = {nan: 1}
nans[nan] = 2
# (Floats are immediates here, so two NaNs of equal bits are one key: not tested.)
print(len(nans), nans[nan], nan in nans)  # expect: 1 2 True

# ---- deletion then reinsertion: order is that of (re)insertion
order = {}
for i in range(50):
    order["k" + str(i)] = i
for i in range(0, 50, 3):
    del order["k" + str(i)]
for i in range(0, 50, 6):
    order["k" + str(i)] = -i
print(list(order)[:12], len(order))  # expect: ['k1', 'k2', 'k4', 'k5', 'k7', 'k8', 'k10', 'k11', 'k13', 'k14', 'k16', 'k17'] 42
try:
    order["k3"]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'k3'
try:
    del order["k3"]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'k3'
try:
    order[99]
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 99
try:
    for k in order:
        order["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError", e)  # expect: RuntimeError dictionary changed size during iteration

# ---- grown and shrunk many times
big = {}
live = set()
for rnd in range(6):
    for i in range(rnd * 700, rnd * 700 + 1500):
        big[i] = i * 2
        big[str(i)] = i
        live.add(i)
    for i in range(rnd * 700, rnd * 700 + 1400):
        del big[i]
        big.pop(str(i))
        live.discard(i)
    print(rnd, len(big), len(live), list(big)[:3], sum(big[k] for k in big if type(k) is int))
    # expect: 0 200 100 [1400, '1400', 1401] 289900
    # expect: 1 200 100 [2100, '2100', 2101] 429900
    # expect: 2 200 100 [2800, '2800', 2801] 569900
    # expect: 3 200 100 [3500, '3500', 3501] 709900
    # expect: 4 200 100 [4200, '4200', 4201] 849900
    # expect: 5 200 100 [4900, '4900', 4901] 989900
print(sorted(live)[:5], min(big, key=str), max(k for k in big if type(k) is int))  # expect: [4900, 4901, 4902, 4903, 4904] 4900 4999
