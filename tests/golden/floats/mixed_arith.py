# Mixed int/float arithmetic and comparisons, float accumulation.
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, abs(total - 1.0) < 1e-9)  # expect: 0.9999999999999999 False True
s = 0
for i in range(1, 101):
    s += 1 / i
print(s)  # expect: 5.187377517639621
print(1 + 2.0, 3 * 2.5, 7 - 0.25, 2 ** 0.5 * 2 ** 0.5)  # expect: 3.0 7.5 6.75 2.0000000000000004
print(5 == 5.0, 5 < 5.1, 4.9 < 5, 2 ** 53 + 1 == float(2 ** 53 + 1))  # expect: True True True False
print(float(2 ** 53 + 1), 2 ** 53 + 1)  # expect: 9007199254740992.0 9007199254740993
print(sum([0.5, 1.5, 2.0]), sum([1, 2.5]))  # expect: 4.0 3.5
print(max(1, 2.5), min(-1, -0.5), max(3.0, 3))  # expect: 2.5 -1 3.0
mean = sum([3, 4, 5, 6]) / 4
print(mean)  # expect: 4.5
vals = [2.5, -1.0, 3.75, 0.0]
print(sorted(vals), sorted(vals, key=abs))  # expect: [-1.0, 0.0, 2.5, 3.75] [0.0, -1.0, 2.5, 3.75]
print(float(3) == 3, hash(3.0) == hash(3), hash(0.5) == hash(0.5))  # expect: True True True
print(-7 // 2.0, 7 % -3.0)  # expect: -4.0 -2.0
