# len, range, enumerate, zip, reversed.
print(len("abc"), len([1, 2]), len({}), len({1: 2, 3: 4}), len(range(7)), len((1,)), len({1, 2, 3}))  # expect: 3 2 0 2 7 1 3
print(list(range(4)), list(range(2, 8, 2)), list(range(8, 2, -2)), range(3)[-1])  # expect: [0, 1, 2, 3] [2, 4, 6] [8, 6, 4] 2
print(list(enumerate(["a", "b"])), list(enumerate("xy", start=10)))  # expect: [(0, 'a'), (1, 'b')] [(10, 'x'), (11, 'y')]
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))  # expect: [(1, 'a'), (2, 'b')] [] [(1, 2, 3)]
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))  # expect: [3, 2, 1] ['c', 'b', 'a'] [3, 2, 1, 0] [2, 1]
names = ["ann", "bo"]
ages = [30, 40]
for i, (name, age) in enumerate(zip(names, ages)):
    print(i, name, age)
    # expect: 0 ann 30
    # expect: 1 bo 40
print(dict(zip(names, ages)))  # expect: {'ann': 30, 'bo': 40}
r = range(0, 100, 7)
print(r[3], len(r), 49 in r, 50 in r, r.index(21))  # expect: 21 15 True False 3
