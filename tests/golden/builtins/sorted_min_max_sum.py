# sorted, min, max (with key and default), sum (with start).
data = [3, -7, 2, 9, -1]
print(sorted(data), sorted(data, key=abs), sorted(data, reverse=True))  # expect: [-7, -1, 2, 3, 9] [-1, 2, 3, -7, 9] [9, 3, 2, -1, -7]
print(min(data), max(data), min(data, key=abs), max(data, key=abs))  # expect: -7 9 -1 9
print(min(4, 2, 8), max("apple", "pear", key=len), min([], default="empty"))  # expect: 2 apple empty
print(max([1, 3, 3, 2], key=lambda v: v % 3))  # expect: 2
print(sum(data), sum(data, 100), sum([0.5, 0.25]), sum([]), sum(range(101)))  # expect: 6 106 0.75 0 5050
print(sum([[1], [2, 3]], []))  # expect: [1, 2, 3]
words = ["kiwi", "fig", "banana", "apple"]
print(sorted(words, key=lambda w: (len(w), w)), min(words), max(words))  # expect: ['fig', 'kiwi', 'apple', 'banana'] apple kiwi
print(sorted({3: "c", 1: "a"}), sorted("bca"), sorted((2, 1)))  # expect: [1, 3] ['a', 'b', 'c'] [1, 2]
try:
    max([])
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: max() arg is an empty sequence
