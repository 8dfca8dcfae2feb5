# sort and sorted: keys, reverse, stability, mixed numbers.
nums = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(nums), nums)  # expect: [-3, 0, 1, 2, 5, 5, 6, 9] [5, 2, 9, 1, 5, 6, -3, 0]
nums.sort()
print(nums)  # expect: [-3, 0, 1, 2, 5, 5, 6, 9]
nums.sort(reverse=True)
print(nums)  # expect: [9, 6, 5, 5, 2, 1, 0, -3]
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
print(sorted(words))  # expect: ['Apple', 'Elderberry', 'banana', 'cherry', 'date', 'fig']
print(sorted(words, key=len))  # expect: ['fig', 'date', 'Apple', 'banana', 'cherry', 'Elderberry']
print(sorted(words, key=str.lower))  # expect: ['Apple', 'banana', 'cherry', 'date', 'Elderberry', 'fig']
print(sorted(words, key=lambda w: (len(w), w), reverse=True))  # expect: ['Elderberry', 'cherry', 'banana', 'Apple', 'date', 'fig']
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
print(sorted(pairs))  # expect: [(1, 'y'), (1, 'z'), (2, 'a'), (2, 'b')]
print(sorted(pairs, key=lambda p: p[0]))  # expect: [(1, 'z'), (1, 'y'), (2, 'b'), (2, 'a')]
records = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
records.sort(key=lambda r: r[1])
print(records)  # expect: [('bob', 25), ('dan', 25), ('amy', 30), ('cat', 30)]
print(sorted([3.5, 1, 2.25, -1]), sorted("hello"))  # expect: [-1, 1, 2.25, 3.5] ['e', 'h', 'l', 'l', 'o']
print(sorted([[3, 1], [2], [3, 0], []]))  # expect: [[], [2], [3, 0], [3, 1]]
