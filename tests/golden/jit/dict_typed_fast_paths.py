# Dict subscripts, `in`, get() and setdefault() with int and str keys run as
# typed fast paths in compiled loops; keys of other types, stored keys that
# only a user __eq__ can compare, and missing keys must behave as in CPython.
class Key:
    """Hashes like an int; equal to ints with the same value (counts its calls)."""
    calls = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        Key.calls += 1
        return other == self.n


def count(keys):
    d = {}
    for k in keys:
        d[k] = d.get(k, 0) + 1
    return d


ints = [i * 7 % 11 for i in range(300)]
print(sorted(count(ints).items())[:3])  # expect: [(0, 28), (1, 27), (2, 27)]
words = ["ab", "cd", "ab", "é", "ab"] * 60
print(count(words))  # expect: {'ab': 180, 'cd': 60, 'é': 60}

# A user key whose hash collides with the int keys arrives mid-loop: its
# __eq__ runs, and ints find it (it compares equal to them).
mixed = list(range(8)) * 20 + [Key(3)] + list(range(8)) * 20
d = count(mixed)
print(len(d), d[3], Key.calls > 0)  # expect: 8 41 True

# Stored float and bool keys equal to int keys.
def bump(d, n):
    for i in range(n):
        k = i % 4
        d[k] = d.get(k, 0) + 1
        if k in d:
            d[k] += 1
    return d

print(bump({1.0: 100, True: 5}, 200))  # expect: {1.0: 105, 0: 100, 2: 100, 3: 100}
print(bump({}, 200))  # expect: {0: 100, 1: 100, 2: 100, 3: 100}

# setdefault with str and int keys, a default list and no default.
def group(items):
    g = {}
    for w in items:
        g.setdefault(len(w), []).append(w)
        g.setdefault(w)
    return g

g = group(["a", "bb", "cc", "d", "eee"] * 30)
print(len(g), len(g[1]), len(g[2]), g["a"], g.get("zz"), g.get("zz", "dflt"))  # expect: 8 60 60 None None dflt

# Membership of present and missing keys, `not in`, and a miss that raises.
def members(d, keys):
    hits = misses = 0
    for k in keys:
        if k in d:
            hits += d[k]
        if k not in d:
            misses += 1
    return hits, misses

table = {i: i * i for i in range(0, 50, 2)}
print(members(table, range(60)))  # expect: (19600, 35)
print(members({"x": 1, "y": 2}, ["x", "z", "y", "w"] * 50))  # expect: (150, 100)

def lookup_all(d, keys):
    total = 0
    for k in keys:
        total += d[k]
    return total

try:
    lookup_all(table, list(range(0, 40, 2)) * 5 + [7])
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 7
try:
    lookup_all({"a": 1}, ["a"] * 100 + ["b"])
except KeyError as e:
    print("KeyError", e)  # expect: KeyError 'b'
