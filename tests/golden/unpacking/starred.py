# Starred assignment targets.
first, *rest = [1, 2, 3, 4]
print(first, rest)  # expect: 1 [2, 3, 4]
*init, last = "hello"
print(init, last)  # expect: ['h', 'e', 'l', 'l'] o
a, *middle, z = range(6)
print(a, middle, z)  # expect: 0 [1, 2, 3, 4] 5
a, *middle, z = [1, 2]
print(a, middle, z)  # expect: 1 [] 2
head, *tail = (9,)
print(head, tail)  # expect: 9 []
(x, *ys), w = [1, 2, 3], 4
print(x, ys, w)  # expect: 1 [2, 3] 4
for a, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(a, others)
    # expect: 1 [2, 3]
    # expect: 4 []
    # expect: 5 [6]
print(*[1, 2, 3], sep="-")  # expect: 1-2-3
combined = [*range(3), *"ab", *[9]]
print(combined)  # expect: [0, 1, 2, 'a', 'b', 9]
merged = {**{"a": 1}, "b": 2, **{"a": 3}}
print(merged)  # expect: {'a': 3, 'b': 2}
print((*range(2), 5))  # expect: (0, 1, 5)
