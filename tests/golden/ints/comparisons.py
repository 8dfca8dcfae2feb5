# Integer comparisons, including mixed with floats and big integers.
print(1 < 2, 2 < 1, 2 <= 2, 3 >= 4, 5 == 5, 5 != 5)  # expect: True False True False True False
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)  # expect: True False True
print(2 ** 64 > 2 ** 63, -(2 ** 64) < 0, 2 ** 64 == 2 ** 64)  # expect: True True True
print(1 == 1.0, 2 < 2.5, 3 > 2.999, 10 ** 20 == 1e20)  # expect: True True True True
print(True == 1, False == 0, True + True)  # expect: True True 2
print(max(3, 9, 2), min(3, 9, 2))  # expect: 9 2
values = [5, -3, 2 ** 70, 0, -(2 ** 70), 7]
print(sorted(values))  # expect: [-1180591620717411303424, -3, 0, 5, 7, 1180591620717411303424]
print(sorted(values, reverse=True))  # expect: [1180591620717411303424, 7, 5, 0, -3, -1180591620717411303424]
print(0 < 1 == 1 > 0)  # expect: True
x = 5
print(1 < x < 10, 1 < x < 4)  # expect: True False
print((1 < 2) + (2 < 3))  # expect: 2
