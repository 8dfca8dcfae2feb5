# Iterating over strs, chr(), str() of ints, str equality and set.add() run
# as typed fast paths in compiled loops; non-ASCII text, out-of-range
# chr(), frozensets and mixed types at the same sites behave as in CPython.
def caesar(s, shift):
    out = []
    for ch in s:
        o = ord(ch)
        if 97 <= o <= 122:
            out.append(chr((o - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)

print(caesar("hello, wörld ✓ zebra", 3))  # expect: khoor, zöuog ✓ cheud
print(caesar("abc" * 50, 1)[:6], repr(caesar("", 5)))  # expect: bcdbcd ''

def count_chars(texts):
    counts = {}
    for t in texts:
        for ch in t:
            if ch == "a" or ch != ch:
                counts["a"] = counts.get("a", 0) + 1
            elif ch == "é":
                counts["é"] = counts.get("é", 0) + 1
    return counts

print(count_chars(["banana", "café", "naïve", "aé" * 20]))  # expect: {'a': 25, 'é': 21}

# Equality of strs, then of other types, at one site.
values = ["x", "y", "x", 1, 1.0, None, ("x",), "x"] * 20
same = 0
for v in values:
    if v == "x":
        same += 1
    if v != "y":
        same += 10
print(same)  # expect: 1460

# str() of ints (negative, zero, large) and of other types at the same site.
parts = []
for i in range(-3, 300):
    parts.append(str(i * 99991 if i > 290 else i))
parts.append(str(2 ** 70))
parts.append(str(1.5))
print(parts[:4], parts[-4:])  # expect: ['-3', '-2', '-1', '0'] ['29797318', '29897309', '1180591620717411303424', '1.5']

# chr() in and out of range.
def chars(codes):
    return "".join([chr(c) for c in codes])

def chars_loop(codes):
    out = ""
    for c in codes:
        out += chr(c)
    return out

print(chars_loop(list(range(65, 91)) * 3)[-5:], chars_loop([233, 0x2713, 97] * 30)[:3])  # expect: VWXYZ é✓a
for bad in ([65] * 100 + [-1], [65] * 100 + [0x110000]):
    try:
        chars_loop(bad)
    except ValueError as e:
        print("ValueError:", e)
# expect: ValueError: chr() arg not in range(0x110000)
# expect: ValueError: chr() arg not in range(0x110000)

# set.add with str keys, then a frozenset at the same site (no add method).
def collect(sets, words):
    for s in sets:
        for w in words:
            s.add(w[:2])
    return sets

print([sorted(s) for s in collect([set(), {"zz"}], ["abc", "abd", "xy", "é✓"] * 30)])  # expect: [['ab', 'xy', 'é✓'], ['ab', 'xy', 'zz', 'é✓']]
try:
    collect([set(), frozenset()], ["ab"] * 100)
except AttributeError as e:
    print("AttributeError:", e)  # expect: AttributeError: 'frozenset' object has no attribute 'add'

# Iterating a str while the loop also iterates lists and tuples at one site.
total = 0
for seq in ["abc", [1, 2], "é✓", (3,), "xyz" * 10]:
    for item in seq:
        total += 1
print(total)  # expect: 38
