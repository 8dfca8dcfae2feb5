# round() with banker's rounding, ndigits, and int conversion of floats.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))  # expect: 0 2 2 0 -2
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3))  # expect: 2.67 1.0 3.142
print(round(123.456, -1), round(123.456, -2), round(-123.456, 1))  # expect: 120.0 100.0 -123.5
print(round(5.5), type(round(5.5)).__name__, type(round(5.5, 1)).__name__)  # expect: 6 int float
print(round(1e20), round(0.1 + 0.2, 10))  # expect: 100000000000000000000 0.3
print(int(2.9), int(-2.9), int(1e10), int(-0.5))  # expect: 2 -2 10000000000 0
print(float(round(7.25, 1)))  # expect: 7.2
print(abs(-3.5), abs(2.0))  # expect: 3.5 2.0
for x in (0.25, 0.35, 0.45, 1.25, 2.5e-1):
    print(x, round(x, 1))
    # expect: 0.25 0.2
    # expect: 0.35 0.3
    # expect: 0.45 0.5
    # expect: 1.25 1.2
    # expect: 0.25 0.2
print(round(2.5, 0), round(-2.5, 0), round(3.5, 0))  # expect: 2.0 -2.0 4.0
