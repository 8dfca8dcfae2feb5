# Set comprehensions and set operations on computed int sets.
multiples_of_3 = {n for n in range(30) if n % 3 == 0}
multiples_of_5 = {n for n in range(30) if n % 5 == 0}
print(sorted(multiples_of_3 & multiples_of_5))  # expect: [0, 15]
print(sorted(multiples_of_3 - multiples_of_5)[:5], len(multiples_of_3 | multiples_of_5))  # expect: [3, 6, 9, 12, 18] 14
print(sorted(multiples_of_3 ^ multiples_of_5)[:6])  # expect: [3, 5, 6, 9, 10, 12]
squares = {n * n % 10 for n in range(100)}
print(sorted(squares))  # expect: [0, 1, 4, 5, 6, 9]
print({x for x in [1, 1, 2, 3, 3, 3]} == {1, 2, 3})  # expect: True
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))  # expect: [(0, 1), (0, 2), (1, 2)]
