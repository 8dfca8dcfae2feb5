# Set algebra with operators and methods.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)  # expect: {1, 2, 3, 4, 5, 6} {3, 4} {1, 2} {5, 6} {1, 2, 5, 6}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))  # expect: {1, 2, 3, 4, 5, 6} {3, 4} {1, 2} {1, 2, 5, 6}
print(a.union([7, 8], (9,)), a.intersection(range(3)))  # expect: {1, 2, 3, 4, 7, 8, 9} {1, 2}
print({1, 2} <= a, {1, 5} <= a, a >= {1}, {1, 2} < {1, 2}, {1} < {1, 2})  # expect: True False True False True
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}), a.isdisjoint(b))  # expect: True True True False
print(a == {4, 3, 2, 1}, a != b)  # expect: True True
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
print(c)  # expect: {2, 10}
c ^= {2, 3}
print(c)  # expect: {3, 10}
c.update([20, 21])
c.difference_update({21})
print(sorted(c))  # expect: [3, 10, 20]
