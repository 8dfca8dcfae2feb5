# int() conversions and int methods/properties.
n = 255
print(n.bit_length(), (0).bit_length(), (-255).bit_length(), (2 ** 100).bit_length())  # expect: 8 0 8 101
print(abs(-7), abs(7), abs(-(2 ** 70)))  # expect: 7 7 1180591620717411303424
print(int(), int(0), int(-0))  # expect: 0 0 0
print(int("-0"), int("007"))  # expect: 0 7
print(str(12345), repr(-678), str(2 ** 64))  # expect: 12345 -678 18446744073709551616
print(len(str(10 ** 100)))  # expect: 101
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))  # expect: 1200 1200 1400 -1200
print(round(7), type(round(7)).__name__)  # expect: 7 int
print(divmod(10 ** 20, 7))  # expect: (14285714285714285714, 2)
print(hash(1) == hash(1.0), hash(5), hash(-3))  # expect: True 5 -3
print(isinstance(5, int), isinstance(True, int), isinstance(5.0, int))  # expect: True True False
