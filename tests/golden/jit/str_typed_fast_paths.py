# Str indexing, ord(), len() and `in` run as typed fast paths in compiled
# loops; non-ASCII text, negative and out-of-range indices, strs of other
# lengths and other types at the same sites must behave as in CPython.
def checksum(s):
    h = 0
    for i in range(len(s)):
        h = (h * 31 + ord(s[i]) + ord(s[-1 - i])) % 1000003
    return h

print(checksum("hello world" * 20))  # expect: 979294
print(checksum("héllo wörld ✓" * 20))  # expect: 79503
print(checksum("a"), checksum(""))  # expect: 194 0

# The same site sees ASCII and non-ASCII strs, and single characters are
# shared objects for latin-1 ones (as in CPython: identity-sensitive `is`).
texts = ["plain", "ünï", "mixed ✓ text", "x"]
out = []
for rep in range(40):
    for t in texts:
        c = t[rep % len(t)]
        out.append((c, ord(c), c is t[rep % len(t)]))
print(out[:3], out[-2:])  # expect: [('p', 112, True), ('ü', 252, True), ('m', 109, True)] [('e', 101, True), ('x', 120, True)]

# len() of strs, lists, tuples, dicts and an instance with __len__ at one site.
class Sized:
    def __len__(self):
        return 42

things = ["abc", [1, 2], (1, 2, 3, 4), {"a": 1}, "ü✓", Sized()]
total = 0
for i in range(300):
    total += len(things[i % len(things)])
print(total)  # expect: 2700

# Membership of strs in strs, and a non-str item at the same site.
def scan(text, chars):
    hits = 0
    for ch in text:
        if ch in chars:
            hits += 1
        if ch not in "aeiou":
            hits += 2
    return hits

print(scan("the quick brown fox jumps over the lazy dog" * 5, " \n\t"))  # expect: 360
try:
    for i, item in enumerate(["a", "b"] * 50 + [3]):
        item in "abc"
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: 'in <string>' requires string as left operand, not int

# ord() of a str that is not one character, and of a non-str.
def ords(items):
    total = 0
    for it in items:
        total += ord(it)
    return total

for bad in (["a"] * 100 + ["ab"], ["a"] * 100 + [""], ["é"] * 100 + [5]):
    try:
        ords(bad)
    except TypeError as e:
        print("TypeError:", e)
# expect: TypeError: ord() expected a character, but string of length 2 found
# expect: TypeError: ord() expected a character, but string of length 0 found
# expect: TypeError: ord() expected string of length 1, but int found

# Indices out of range on both sides, and a non-int index.
def pick(s, idx):
    out = []
    for i in idx:
        out.append(s[i])
    return "".join(out)

print(pick("abcdef", [0, -1, 5, -6] * 30)[:8])  # expect: affaaffa
for idx in ([1] * 100 + [6], [1] * 100 + [-7], [1] * 100 + [1.5]):
    try:
        pick("abcdef", idx)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
# expect: IndexError string index out of range
# expect: IndexError string index out of range
# expect: TypeError string indices must be integers, not 'float'
print(pick("ab✓d", [2, -2, 0] * 40)[:6])  # expect: ✓✓a✓✓a
