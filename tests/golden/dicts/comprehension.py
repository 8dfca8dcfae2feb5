# Dict comprehensions and building dicts from pairs.
squares = {n: n * n for n in range(6)}
print(squares)  # expect: {0: 0, 1: 1, 2: 4, 3: 9, 4: 16, 5: 25}
evens = {k: v for k, v in squares.items() if k % 2 == 0}
print(evens)  # expect: {0: 0, 2: 4, 4: 16}
inverted = {v: k for k, v in squares.items()}
print(inverted[16])  # expect: 4
words = ["apple", "bob", "kayak", "tree"]
print({w: w == w[::-1] for w in words})  # expect: {'apple': False, 'bob': True, 'kayak': True, 'tree': False}
print(dict(zip("abc", [1, 2, 3])))  # expect: {'a': 1, 'b': 2, 'c': 3}
print(dict(enumerate("xyz")))  # expect: {0: 'x', 1: 'y', 2: 'z'}
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
print(nested[2])  # expect: {0: 0, 1: 2, 2: 4}
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)  # expect: {'m': 1, 'i': 4, 's': 4, 'p': 2}
print({k: counts[k] for k in sorted(counts, key=lambda c: (-counts[c], c))})  # expect: {'i': 4, 's': 4, 'p': 2, 'm': 1}
