# Set operations and comparisons on dict keys/items views, and reversed views.
d = {i: str(i) for i in range(12)}
k = d.keys()
print(k & {3, 5, 100}, {3, 5, 100} & k, k & [11, 0, 7], k | {50, 1}, {50} | k, k - {1, 2, 3}, {1, 2, 99} - k, k ^ {1, 99}, {1, 99} ^ k)  # expect: {3, 5} {3, 5} {0, 11, 7} {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50} {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50} {0, 4, 5, 6, 7, 8, 9, 10, 11} {99} {0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 99} {0, 2, 3, 99, 4, 5, 6, 7, 8, 9, 10, 11}
print(d.items() & {(1, "1"), (2, "x")}, d.items() - {(0, "0")} == set(list(d.items())[1:]), k == set(range(12)), k == set(range(3)), {0: 1}.keys() == {0: 2}.keys())  # expect: {(1, '1')} True True False True
print(list(reversed(d.keys()))[:3], list(reversed(d.items()))[:2])  # expect: [11, 10, 9] [(11, '11'), (10, '10')]
try:
    d.values() & {1}
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for &: 'dict_values' and 'set'
