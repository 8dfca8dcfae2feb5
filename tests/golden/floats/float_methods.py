# Float methods and conversions.
print((2.5).is_integer(), (3.0).is_integer())  # expect: False True
print((0.5).as_integer_ratio(), (-1.25).as_integer_ratio())  # expect: (1, 2) (-5, 4)
print(float.fromhex("0x1.8p1"), (1.5).hex())  # expect: 3.0 0x1.8000000000000p+0
print(float(True), float(-7), float("  3.5\n"))  # expect: 1.0 -7.0 3.5
print(int(7.999999), int(-7.999999))  # expect: 7 -7
print(str(1.0), str(0.1), str(100.0), str(1e100))  # expect: 1.0 0.1 100.0 1e+100
print(3.0 .__class__.__name__)  # expect: float
print(isinstance(1.5, float), isinstance(1, float))  # expect: True False
print(type(1e3).__name__, 1e3)  # expect: float 1000.0
try:
    float("abc")
except ValueError as error:
    print(error)  # expect: could not convert string to float: 'abc'
try:
    int(float("inf"))
except OverflowError as error:
    print(error)  # expect: cannot convert float infinity to integer
try:
    int(float("nan"))
except ValueError as error:
    print(error)  # expect: cannot convert float NaN to integer
