# Common iteration idioms with enumerate, zip, reversed and sorted together.
names = ["delta", "alpha", "charlie", "bravo"]
scores = [72, 95, 88, 60]
for rank, (score, name) in enumerate(sorted(zip(scores, names), reverse=True), 1):
    print(rank, name, score)
    # expect: 1 alpha 95
    # expect: 2 charlie 88
    # expect: 3 delta 72
    # expect: 4 bravo 60
print(list(zip(names, scores, range(10))))  # expect: [('delta', 72, 0), ('alpha', 95, 1), ('charlie', 88, 2), ('bravo', 60, 3)]
print([i for i, n in enumerate(names) if "a" == n[-1]])  # expect: [0, 1]
print(dict(zip(names, reversed(scores))))  # expect: {'delta': 60, 'alpha': 88, 'charlie': 95, 'bravo': 72}
for a, b in zip(names, names[1:]):
    print(a, "<" if a < b else ">=", b)
    # expect: delta >= alpha
    # expect: alpha < charlie
    # expect: charlie >= bravo
columns = list(zip(*[(1, 2, 3), (4, 5, 6)]))
print(columns)  # expect: [(1, 4), (2, 5), (3, 6)]
print(list(enumerate(reversed(names))))  # expect: [(0, 'bravo'), (1, 'charlie'), (2, 'alpha'), (3, 'delta')]
