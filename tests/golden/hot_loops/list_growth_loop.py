# Lists and dicts growing inside hot loops; indexing with computed indices.
squares = []
for i in range(500):
    squares.append(i * i)
print(len(squares), squares[-1], sum(squares[::50]))  # expect: 500 249001 712500
buckets = [0] * 10
for i in range(1000):
    buckets[(i * 7) % 10] += i
print(buckets)  # expect: [49500, 49800, 50100, 50400, 49700, 50000, 50300, 49600, 49900, 50200]
index = {}
for i, word in enumerate(("alpha beta gamma delta " * 25).split()):
    index.setdefault(word, []).append(i)
print({k: len(v) for k, v in index.items()}, index["gamma"][:4])  # expect: {'alpha': 25, 'beta': 25, 'gamma': 25, 'delta': 25} [2, 6, 10, 14]
s = ""
for i in range(200):
    s += chr(97 + i % 26)
print(len(s), s[:30])  # expect: 200 abcdefghijklmnopqrstuvwxyzabcd
