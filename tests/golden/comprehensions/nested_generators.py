# Comprehensions with multiple for/if clauses in order.
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)  # expect: [(3, 4, 5), (6, 8, 10), (5, 12, 13), (9, 12, 15), (8, 15, 17), (12, 16, 20), (15, 20, 25), (7, 24, 25), (10, 24, 26), (20, 21, 29)]
print([(i, j) for i in range(4) if i % 2 == 0 for j in range(i) if j != 1])  # expect: [(2, 0)]
words = ["ab", "cde", "f"]
print([ch for w in words for ch in w if ch != "d"])  # expect: ['a', 'b', 'c', 'e', 'f']
print([[c for c in w] for w in words])  # expect: [['a', 'b'], ['c', 'd', 'e'], ['f']]
grid = [[(r, c) for c in range(2)] for r in range(2)]
print(grid)  # expect: [[(0, 0), (0, 1)], [(1, 0), (1, 1)]]
print(sum(1 for w in words for _ in w))  # expect: 6
