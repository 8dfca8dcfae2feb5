# Concatenation and slicing of strs in hot loops: short texts are copied a
# word at a time, so every length around a word (0..17 bytes), multi-byte
# UTF-8 (é, 日本, emoji), negative and out-of-range slice bounds, results
# used as dict keys and compared, and long results must match CPython.

parts = ["", "a", "ka", "lo", "é", "日本", "😀", "abcdefg", "abcdefgh", "abcdefghi", "x" * 17, "é日😀"]

# Every pair, many times over (so the loops compile).
table = {}
total = 0
for rep in range(3):
    for x in parts:
        for y in parts:
            s = x + y
            total += len(s) * 3 + (s == y + x)
            table[s] = table.get(s, 0) + 1
print(total, len(table))  # expect: 11550 133
print(table["kalo"], table["é日本"], table["😀abcdefgh"], table["abcdefghiabcdefghi"])  # expect: 3 3 3 3
print(sorted(k for k in table if len(k) == 3)[:8])  # expect: ['aka', 'alo', 'a日本', 'kaa', 'kaé', 'ka😀', 'loa', 'loé']

# Growing strs past a word and far past it.
s = ""
for i in range(300):
    s = s + "abé日😀"[i % 5]
print(len(s), s[:12], s[-7:], s.count("😀"))  # expect: 300 abé日😀abé日😀ab 日😀abé日😀 60

# Words built from syllables, as the dicts benchmark does.
syll = ["ka", "lo", "mi", "né", "ru", "sa", "to", "日"]
counts = {}
seed = 12345
for i in range(2000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    w = syll[seed % 8] + syll[(seed >> 3) % 8]
    if seed % 5 == 0:
        w = w + syll[(seed >> 6) % 8]
    counts[w] = counts.get(w, 0) + 1
print(len(counts), max(counts.values()), sorted(counts)[:3])  # expect: 366 28 ['kaka', 'kakalo', 'kakaru']

# Slices of every range of short and long, ASCII and non-ASCII texts.
texts = ["", "a", "kalo", "abcdefg", "abcdefgh", "abcdefghijklmnop", "é", "日本語のテキスト", "a😀bcdéfgh"]
out = []
for t in texts:
    n = len(t)
    for i in range(-n - 2, n + 3):
        for j in range(-n - 2, n + 3):
            out.append(t[i:j])
            out.append(t[i:])
            out.append(t[:j])
print(len(out), sum(len(x) for x in out), len(set(out)))  # expect: 10299 44196 211
print(out[500:506], out[-6:])  # expect: ['', '', 'alo', '', '', 'alo'] ['', '', 'a😀bcdéfgh', '', '', 'a😀bcdéfgh']

# Prefixes as set members and dict keys, the slice one character or none.
seen = set()
firsts = {}
for i in range(600):
    w = texts[i % len(texts)] + str(i % 7)
    seen.add(w[:3])
    firsts[w[:1]] = firsts.get(w[:1], 0) + 1
    seen.add(w[5:5])
print(sorted(seen), firsts)  # expect: ['', '0', '1', '2', '3', '4', '5', '6', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'abc', 'a😀b', 'kal', 'é0', 'é1', 'é2', 'é3', 'é4', 'é5', 'é6', '日本語'] {'0': 10, 'a': 334, 'k': 67, 'é': 66, '日': 66, '2': 10, '4': 10, '6': 10, '1': 9, '3': 9, '5': 9}

# One-character and empty slices are the shared strs, as in CPython.
same, empty = 0, ""
for i in range(200):
    t = "abcé"
    k = i % 4
    same += (t[k:k + 1] is t[k]) + (t[k:k] is empty)
print(same)  # expect: 400

# Concatenation of a non-str raises as in CPython.
try:
    for i in range(200):
        s = "ab" + (["c", "d"][i % 2] if i < 150 else 5)
except TypeError as e:
    print("TypeError:", e, i)  # expect: TypeError: can only concatenate str (not "int") to str 150
