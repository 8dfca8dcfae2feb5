# Tuples as dict keys and set members; hashing equal tuples.
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], grid[2, 0], len(grid))  # expect: 5 6 9
seen = set()
for pair in [(1, 2), (2, 1), (1, 2), (3, 3)]:
    seen.add(pair)
print(len(seen), (1, 2) in seen, (2, 2) in seen)  # expect: 3 True False
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1.0, 2.0))  # expect: True True
counts = {}
for word in "a b a c b a".split():
    key = (word, len(word))
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))  # expect: [(('a', 1), 3), (('b', 1), 2), (('c', 1), 1)]
