# Builtins applied to lists: len, sum, min, max, any, all, list(), reversed, enumerate.
xs = [4, -2, 7, 0, 3]
print(len(xs), sum(xs), min(xs), max(xs), sum(xs, 10))  # expect: 5 12 -2 7 22
print(any(xs), all(xs), any([]), all([]))  # expect: True False False True
print(list(reversed(xs)), xs)  # expect: [3, 0, 7, -2, 4] [4, -2, 7, 0, 3]
print(list(enumerate(xs, 1)))  # expect: [(1, 4), (2, -2), (3, 7), (4, 0), (5, 3)]
print(list(range(5)), list("abc"), list((1, 2)), list({3: 4}))  # expect: [0, 1, 2, 3, 4] ['a', 'b', 'c'] [1, 2] [3]
print(min(xs, key=abs), max(xs, key=lambda v: -v))  # expect: 0 -2
print(sorted(xs)[len(xs) // 2])  # expect: 3
copy = list(xs)
copy.append(99)
print(len(xs), len(copy))  # expect: 5 6
print(list(map(str, xs)), list(filter(None, xs)))  # expect: ['4', '-2', '7', '0', '3'] [4, -2, 7, 3]
print([x for x in xs if x > 0])  # expect: [4, 7, 3]
print(xs.index(max(xs)))  # expect: 2
