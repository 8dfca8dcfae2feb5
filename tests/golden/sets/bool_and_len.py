# Truthiness, len and iteration of sets of small ints (sorted before printing).
s = set()
print(bool(s), len(s), list(s))  # expect: False 0 []
for i in range(5):
    s.add(i * 2)
print(bool(s), len(s), sorted(s), sum(s), min(s), max(s))  # expect: True 5 [0, 2, 4, 6, 8] 20 0 8
total = 0
for v in s:
    total += v
print(total)  # expect: 20
print(sorted(x + 1 for x in s), any(x > 7 for x in s), all(x % 2 == 0 for x in s))  # expect: [1, 3, 5, 7, 9] True True
