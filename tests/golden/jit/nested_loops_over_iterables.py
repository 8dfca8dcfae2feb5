# Nested for loops over range, lists, dict items, enumerate, zip and strings.
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
counts = {}
for w in words * 60:
    for ch in w:
        counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))  # expect: [('a', 360), ('b', 60), ('d', 60), ('e', 180), ('g', 60), ('h', 60), ('i', 60), ('l', 180), ('m', 120), ('n', 60), ('o', 60), ('p', 120), ('s', 60), ('t', 120)]

scores = {w: len(w) * 10 for w in words}
acc = 0
for rep in range(100):
    for k, v in scores.items():
        acc += v if k[0] < "d" else -v
print(acc)  # expect: -8000

pairs = 0
for i, w in enumerate(words * 50):
    for j, (a, b) in enumerate(zip(w, reversed(w))):
        if a == b:
            pairs += i % 7 + j
print(pairs)  # expect: 1541

grid = [[r * c for c in range(20)] for r in range(20)]
diag = 0
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if r == c:
            diag += v
        elif r + c == 19:
            diag -= v
print(diag)  # expect: 1330

# zip stops at the shortest; enumerate with a start; range with negative step.
z = []
for a, b, c in zip(range(400), "abcdefghij" * 50, range(1000, 0, -3)):
    if a % 90 == 0:
        z.append((a, b, c))
print(z)  # expect: [(0, 'a', 1000), (90, 'a', 730), (180, 'a', 460), (270, 'a', 190)]
s = 0
for n, v in enumerate(range(300, 0, -2), start=10):
    s += n * v
print(s)  # expect: 1351450

# Iterating over a string with index arithmetic.
text = "the quick brown fox jumps over the lazy dog " * 8
vowels = 0
caps = []
for i, ch in enumerate(text):
    if ch in "aeiou":
        vowels += 1
    if i > 0 and text[i - 1] == " " and len(caps) < 10:
        caps.append(ch.upper())
print(vowels, "".join(caps), len(text))  # expect: 88 QBFJOTLDTQ 352
