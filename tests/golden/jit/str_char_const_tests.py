# One-character tests against constant strs in hot loops: `s[i] in CONST`
# (the subscript and the test fused), `c in CONST` and `c == "x"` against a
# one-byte constant. Non-ASCII text and constants, multi-char and empty
# needles, negative and out-of-range indices, and non-str operands at the
# same sites must behave as in CPython.


def skip_ws(text, pos):
    n = len(text)
    while pos < n and text[pos] in " \n\t":
        pos += 1
    return pos


def count_digits(text):
    hits = 0
    for i in range(len(text)):
        if text[i] in "-0123456789.":
            hits += 1
        if text[-1 - i] not in "aeiou":
            hits += 100
    return hits


doc = "  \n\t x  é\t日本 \n 😀 end " * 30
pos, words = 0, 0
while pos < len(doc):
    pos = skip_ws(doc, pos)
    while pos < len(doc) and doc[pos] not in " \n\t":
        pos += 1
    words += 1
print(words, pos)  # expect: 151 630
print(count_digits("ab-12.5é日😀x9 " * 25))  # expect: 30150
print(count_digits(""))  # expect: 0

# Constants with non-ASCII characters: the fused path is not taken, the
# masked one still answers for one-byte needles.
hits = []
for i in range(300):
    t = "aé日😀b"[i % 5]
    hits.append((t in "xé😀b", "aé日😀b"[i % 5] in "é日", t in "", t in "é日b"))
print(hits[:5])  # expect: [(False, False, False, False), (True, True, False, True), (False, True, False, True), (True, False, False, False), (True, False, False, True)]
print(sum(a + b + c + d for a, b, c, d in hits))  # expect: 480

# Multi-char and empty needles at a site that saw one-char ones.
needles = ["a", " ", "ab", "", " \n", "\n\t", "é", "日本", "z"]
found = []
for i in range(270):
    nd = needles[i % len(needles)]
    found.append(nd in " \n\tab")
print(found[:9], found.count(True))  # expect: [True, True, True, True, True, True, False, False, False] 180

# Negative indices and an IndexError from the fused subscript.
text = "x \t{é"
got = []
for i in range(-5, 5):
    for rep in range(30):
        got.append(text[i] in " \t")
print(got.count(True))  # expect: 120
try:
    for i in range(200):
        text[-(i % 5) - 1 if i < 150 else i - 145] in " \n\t"
except IndexError as e:
    print("IndexError:", e, i)  # expect: IndexError: string index out of range 150


def probe(s, k):
    return s[k] in " \n"


try:
    for i in range(200):
        probe("abc  ", 4 - i % 10 if i < 150 else -6)
except IndexError as e:
    print("IndexError:", e, i)  # expect: IndexError: string index out of range 150

# A non-str needle at a site that saw strs.
try:
    for i, item in enumerate(["a", " "] * 100 + [3]):
        item in " \n\t"
except TypeError as e:
    print("TypeError:", e, i)  # expect: TypeError: 'in <string>' requires string as left operand, not int 200

# The needle stored in a local is still there after the test.
seen = []
for i in range(200):
    ch = "a {b}"[i % 5]
    if ch in "{}":
        seen.append(ch)
print("".join(seen[:6]), len(seen))  # expect: {}{}{} 80

# Equality with one-byte constants: one-char, longer, empty, non-ASCII strs.
words = ["{", "}", "{{", "", "é", "日", "}x", "x"]
eq = [0] * 6
for i in range(400):
    w = words[i % len(words)]
    eq[0] += w == "{"
    eq[1] += "}" == w
    eq[2] += w != "x"
    eq[3] += w == "é"
    eq[4] += w[:1] == "}"
    eq[5] += (w + "x") == "x"
print(eq)  # expect: [50, 50, 350, 50, 100, 50]

# Results as dict keys, and a non-str at an equality site.
counts = {}
for i in range(300):
    c = "ab{ é}"[i % 6]
    key = c == "{" or c in " é"
    counts[key] = counts.get(key, 0) + 1
print(counts)  # expect: {False: 150, True: 150}
mixed = ["{", 7, None, "{", 2.5]
print(sum(x == "{" for x in mixed * 60))  # expect: 120
