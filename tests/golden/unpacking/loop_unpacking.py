# Unpacking in for loops over dict items, enumerate, zip and nested pairs.
scores = {"ann": [90, 80], "bob": [70, 95]}
for name, (first, second) in scores.items():
    print(name, first + second)
    # expect: ann 170
    # expect: bob 165
for i, (name, marks) in enumerate(sorted(scores.items())):
    print(i, name, max(marks))
    # expect: 0 ann 90
    # expect: 1 bob 95
for (a, b), c in zip([(1, 2), (3, 4)], "xy"):
    print(a, b, c)
    # expect: 1 2 x
    # expect: 3 4 y
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
    # expect: a ['b', 'c']
    # expect: d ['e']
    # expect: f []
total = 0
for x, y in [(1, 2)] * 3:
    total += x * y
print(total)  # expect: 6
