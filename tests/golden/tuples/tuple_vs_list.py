# Tuples and lists: conversion, comparison, and mutation through contained lists.
t = (1, [2, 3])
t[1].append(4)
print(t)  # expect: (1, [2, 3, 4])
print(list((1, 2)) == [1, 2], (1, 2) == [1, 2], tuple([1, 2]) == (1, 2))  # expect: True False True
mixed = [(2, "b"), (1, "a")]
mixed.sort()
print(mixed, tuple(mixed))  # expect: [(1, 'a'), (2, 'b')] ((1, 'a'), (2, 'b'))
print(type(()).__name__, type([]).__name__, type((1,)).__name__)  # expect: tuple list tuple
print(((1, 2) + (3,))[::-1])  # expect: (3, 2, 1)
try:
    (1, 2) + [3]
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: can only concatenate tuple (not "list") to tuple
