# Comparing and sorting floats, including ties with ints and negative zero.
values = [2.5, -1.0, 3, 0.0, -0.0, 1e-9, 2, 2.0]
print(sorted(values))  # expect: [-1.0, 0.0, -0.0, 1e-09, 2, 2.0, 2.5, 3]
print(max(values), min(values), values.index(2.0), values.count(0))  # expect: 3 -1.0 6 2
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-12, 0.5 == 1 / 2)  # expect: False True True
print(1e308 < float("inf"), -1e308 > float("-inf"))  # expect: True True
print(sorted([0.3, 0.1 + 0.2, 0.30000000000000004]))  # expect: [0.3, 0.30000000000000004, 0.30000000000000004]
print(round(sum(0.1 for _ in range(10)), 12) == 1.0)  # expect: True
