# Dicts updated in hot loops: insert, overwrite, delete, setdefault, pop, update and resizing.
d = {}
for i in range(600):
    key = i % 97
    d[key] = d.get(key, 0) + i
    if i % 5 == 0 and (key + 1) in d:
        del d[key + 1]
print(len(d), sum(d.values()), list(d.items())[:4])  # expect: 97 123305 [(0, 2037), (19, 1550), (24, 1575), (29, 1600)]

# Keys of mixed types: int, float equal to int, str, tuple, bool, None.
m = {}
for i in range(300):
    k = (i, "s%d" % (i % 4), float(i % 10), (i % 3, i % 2), i % 2 == 0, None)[i % 6]
    m[k] = m.get(k, 0) + 1
print(len(m), m[1], m[True], m[0.0], m[None], m["s1"], m[(0, 1)])  # expect: 58 50 50 11 50 25 50

# setdefault grouping and pop with default.
groups = {}
for i in range(500):
    groups.setdefault(i % 13, []).append(i)
popped = 0
for i in range(20):
    popped += len(groups.pop(i, []))
print(popped, len(groups))  # expect: 500 0

# Insertion order survives delete and re-insert.
order = {}
for i in range(300):
    order[i % 10] = i
    if i % 10 == 9:
        del order[i % 7]
        order[i % 7] = -i
print(list(order.keys()), order[0])  # expect: [7, 8, 9, 1, 4, 0, 3, 6, 2, 5] 290

# Iterating over a snapshot of items while modifying the dict.
counts = {c: 0 for c in "abcdef"}
for rep in range(100):
    for k, v in list(counts.items()):
        counts[k] = v + len(k)
        if v > 50 and k in "ab":
            del counts[k]
            counts[k.upper()] = v
print(counts)  # expect: {'c': 100, 'd': 100, 'e': 100, 'f': 100, 'A': 99, 'B': 99}

# Modifying a dict during direct iteration raises RuntimeError.
live = {i: i for i in range(5)}
try:
    for k in live:
        live[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)  # expect: RuntimeError: dictionary changed size during iteration

# update() and |= in a loop.
merged = {}
for i in range(200):
    merged.update({i % 7: i, "last": i})
    merged |= {("t", i % 3): i}
print(len(merged), merged["last"], merged[("t", 0)], merged[6])  # expect: 11 199 198 195
