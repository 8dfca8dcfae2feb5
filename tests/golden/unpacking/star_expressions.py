# Star expressions in list, tuple and set displays and in print.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4})  # expect: [1, 2, 3, 4] (1, 2, 3, 4) True
print([*range(3), *"ab", *[]])  # expect: [0, 1, 2, 'a', 'b']
print(*a, *b)  # expect: 1 2 3 4
print(*[], sep="-")  # expect: 
merged = {**{"x": 1}, **{"y": 2}, "z": 3}
print(merged)  # expect: {'x': 1, 'y': 2, 'z': 3}
first, *middle, last = [*a, *b, 5]
print(first, middle, last)  # expect: 1 [2, 3, 4] 5
nested = [*[*a, 0], *b]
print(nested)  # expect: [1, 2, 0, 3, 4]
