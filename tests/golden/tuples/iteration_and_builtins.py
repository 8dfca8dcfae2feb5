# Iterating tuples, builtins over tuples, tuple() of generators.
t = (5, 3, 8, 1)
for i, v in enumerate(t):
    print(i, v)
    # expect: 0 5
    # expect: 1 3
    # expect: 2 8
    # expect: 3 1
print(sum(t), min(t), max(t), sorted(t), tuple(sorted(t)), len(t))  # expect: 17 1 8 [1, 3, 5, 8] (1, 3, 5, 8) 4
print(tuple(x * 2 for x in t), tuple(reversed(t)))  # expect: (10, 6, 16, 2) (1, 8, 3, 5)
print(any(x > 7 for x in t), all(x > 0 for x in t), 8 in t)  # expect: True True True
print(t + t[:1], t * 2 == t + t, t.count(3), t.index(8))  # expect: (5, 3, 8, 1, 5) True 1 2
print(list(zip(t, t[1:])))  # expect: [(5, 3), (3, 8), (8, 1)]
