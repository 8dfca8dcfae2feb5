# Tuples: creation, indexing, slicing, immutability, methods.
t = (1, 2, 3, 2)
print(t, t[0], t[-1], t[1:3], t[::-1], len(t))  # expect: (1, 2, 3, 2) 1 2 (2, 3) (2, 3, 2, 1) 4
print(t.count(2), t.index(3), 2 in t, 5 in t)  # expect: 2 2 True False
single = (5,)
empty = ()
print(single, empty, len(single), len(empty), type(single).__name__)  # expect: (5,) () 1 0 tuple
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple())  # expect: (1, 2) ('a', 'b') (0, 1, 2) ()
print((1, 2) + (3,), (0,) * 3, 2 * (1, 2))  # expect: (1, 2, 3) (0, 0, 0) (1, 2, 1, 2)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5))  # expect: True True True True
x = 1, 2
print(x, type(x).__name__)  # expect: (1, 2) tuple
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])  # expect: 4
try:
    t[0] = 9
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: 'tuple' object does not support item assignment
print(min(t), max(t), sum(t), sorted(t))  # expect: 1 3 8 [1, 2, 2, 3]
