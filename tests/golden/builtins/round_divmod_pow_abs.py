# round, divmod, pow, abs on ints and floats.
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(17, -1), round(0.125, 2))  # expect: 3.14 2 4 -2 20 0.12
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-1, 3))  # expect: (3, 2) (-4, 3) (-4, -3) (3.0, 2.5) (-1, 2)
print(pow(2, 8), pow(2, -1), pow(2.0, 3), pow(7, 2, 5), pow(-2, 3), pow(10, 20))  # expect: 256 0.5 8.0 4 -8 100000000000000000000
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-(10 ** 20)))  # expect: 5 5 2.5 0 0.0 100000000000000000000
print(round(1.23456789, 4), round(-0.5), round(1e-10, 3))  # expect: 1.2346 0 0.0
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(divmod(7.0, 2)[0]).__name__)  # expect: int float float
