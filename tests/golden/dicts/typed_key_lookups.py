# Dict lookups of str and int keys in hot loops (the JIT's typed dict
# helpers): texts of every length around the 8-byte word, texts equal up to
# the last byte, non-ASCII texts, equal texts in distinct objects, int keys
# with colliding hashes, -1 (hash -2), and keys equal across types.

texts = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefgi", "abcdefghi", "abcdefghj",
         "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefghijklmnopq", "é", "éa", "日本",
         "\x00", "\x00\x00", "a\x00", "a\x00\x00"]
d = {}
for i, t in enumerate(texts):
    d[t] = i
hits = 0
misses = 0
for rnd in range(40):
    for t in texts:
        # A new object with the same text (not the stored key's object).
        k = (t + "x")[:-1] if rnd % 2 else "".join([c for c in t])
        if k in d:
            hits += d[k]
        misses += d.get(k + "?", 1)
        d[k] = d.get(k, 0) + 1
print(hits, misses, len(d))  # expect: 20160 720 18
print(sorted(d.items())[:6])  # expect: [('', 40), ('\x00', 54), ('\x00\x00', 55), ('a', 41), ('a\x00', 56), ('a\x00\x00', 57)]

# Int keys: colliding hashes (multiples of a power of two), negatives, -1.
ints = {}
for i in range(-40, 300):
    ints[i * 64] = i
    ints[-1] = "minus one"
    ints[-2] = "minus two"
total = 0
for i in range(-40, 300):
    total += ints.get(i * 64, 0) if (i * 64) in ints else 1000
print(total, ints[-1], ints[-2], len(ints))  # expect: 44030 minus one minus two 342
for i in range(0, 300, 3):
    del ints[i * 64]
print(len(ints), sum(v for v in ints.values() if isinstance(v, int)))  # expect: 242 29180

# Keys equal across types share one entry: 1 == 1.0 == True, 0 == False.
mixed = {}
for i in range(60):
    mixed[i % 3] = mixed.get(i % 3, 0) + 1
    mixed[float(i % 2)] = mixed.get(float(i % 2), 0) + 10
    mixed[i % 2 == 1] = mixed.get(i % 2 == 1, 0) + 100
print(mixed, 1.0 in mixed, True in mixed, 2.0 in mixed)  # expect: {0: 3320, 1: 3320, 2: 20} True True True

# A float or user key with a str's or int's hash: the typed path defers.
class Same:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return other == self.h
s = {}
s[5] = "int five"
s[Same(5)] = "same five"
s[Same(6)] = "six"
for i in range(30):
    s["key"] = i
    s[5] = s[5] + "!" if i % 10 == 0 else s[5]
print(len(s), s[5], s["key"], s[Same(5)], s.get(6, "no six"))  # expect: 3 same five!!! 29 same five!!! six
