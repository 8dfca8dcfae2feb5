# One dict lookup shared by get-then-set, contains-then-getitem and
# getitem-twice in a hot loop: keys missing, keys added and removed between
# iterations, the dict replaced, keys of other types (a float equal to an
# int, a user class with __eq__/__hash__ colliding with str keys) and a
# __eq__ that mutates the dict must all behave as in CPython.
class Key:
    def __init__(self, h, name):
        self.h = h
        self.name = name

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, Key) and other.name == self.name


class Mutator:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return hash("k3")

    def __eq__(self, other):
        self.d["added_by_eq"] = 1
        return False


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=str)


def group(words):
    groups = {}
    for w in words:
        n = len(w) if isinstance(w, str) else w
        if n not in groups:
            groups[n] = []
        groups[n].append(w)
    return sorted((str(k), len(v)) for k, v in groups.items())


def twice(d, keys):
    best = 0
    missing = 0
    for k in keys:
        if k in d:
            if d[k] > best:
                best = d[k]
        else:
            missing += 1
    return best, missing


def mutating(n):
    d = {"k0": 0, "k1": 1, "k2": 2}
    out = []
    for i in range(n):
        k = "k" + str(i % 4)
        if i == 30:
            d[Mutator(d)] = 99
        if i == 45:
            del d["k1"]
        if i == 60:
            out.append((len(d), "added_by_eq" in d))
            d = {"k0": 100}
        d[k] = d.get(k, -1) + 1
        out.append(d.get(k))
    return out[-8:], out[55:63], len(d), "added_by_eq" in d


def keyerror(n):
    d = {i: i * i for i in range(10)}
    total = 0
    for i in range(n):
        try:
            if i % 17 == 16:
                del d[i % 10]
            total += d[i % 10] + d[i % 10]
        except KeyError as e:
            total -= 1000
            d[e.args[0]] = 1
    return total


words = ["ka", "lo", "ka", "mine", "ru", "ka", "lo", "sa"] * 20
print(count(words))
print(count(words + [1, 2, 1.0, 2, True, Key(hash("ka"), "ka"), Key(hash("ka"), "ka")] * 3)[:6])
print(group(words))
print(group(words + [2, 2.0, 4]))
print(twice({"a": 1, "b": 5, "c": 3}, ["a", "b", "x", "c", "b", "y"] * 30))
print(twice({1: 1, 2: 7, 3.5: 9}, [1, 2, 3, 3.5, 2.0, 1] * 30))
print(twice({"a": 1, Key(hash("a"), "a"): 8}, ["a", "b", "a"] * 30))
print(mutating(100))
print(keyerror(200))
# expect: [('ka', 60), ('lo', 40), ('mine', 20), ('ru', 20), ('sa', 20)]
# expect: [('ka', 60), ('lo', 40), ('mine', 20), ('ru', 20), ('sa', 20), (1, 9)]
# expect: [('2', 140), ('4', 20)]
# expect: [('2', 142), ('4', 21)]
# expect: (5, 60)
# expect: (9, 30)
# expect: (1, 30)
# expect: ([109, 8, 8, 8, 110, 9, 9, 9], [13, 15, 3, 17, 14, (6, True), 101, 0], 4, False)
# expect: -5038
