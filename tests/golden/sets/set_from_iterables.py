# Building sets from strings, ranges, dict keys, tuples and generators.
print(sorted(set("mississippi")))  # expect: ['i', 'm', 'p', 's']
print(sorted(set(range(10, 0, -3))))  # expect: [1, 4, 7, 10]
print(sorted(set({"b": 1, "a": 2})))  # expect: ['a', 'b']
print(sorted(set((3, 1, 3, 2))))  # expect: [1, 2, 3]
print(sorted(set(x % 4 for x in range(50))))  # expect: [0, 1, 2, 3]
words = ["apple", "Apple", "APPLE", "banana"]
print(len(set(words)), len({w.lower() for w in words}))  # expect: 4 2
letters = set()
for w in words:
    letters |= set(w.lower())
print(sorted(letters))  # expect: ['a', 'b', 'e', 'l', 'n', 'p']
