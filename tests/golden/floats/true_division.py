# True division always gives a float; floor division of floats.
print(7 / 2, -7 / 2, 6 / 3, 0 / 5)  # expect: 3.5 -3.5 2.0 0.0
print(type(6 / 3).__name__)  # expect: float
print(7.0 // 2, -7.0 // 2, 7.5 // 2, -7.5 // 2)  # expect: 3.0 -4.0 3.0 -4.0
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)  # expect: 1.5 0.5 -0.5 -1.5
print(divmod(7.5, 2), divmod(-7.5, 2))  # expect: (3.0, 1.5) (-4.0, 0.5)
print(1 / 7, 22 / 7, 1e10 / 3)  # expect: 0.14285714285714285 3.142857142857143 3333333333.3333335
print(2 ** 0.5, 9 ** 0.5, 2.0 ** 3, (-8.0) ** 3)  # expect: 1.4142135623730951 3.0 8.0 -512.0
print(10 ** -1, 2.0 ** -1, 4 ** 0.5)  # expect: 0.1 0.5 2.0
print(3 * 1.5, 3 + 0.5, 3 - 0.5, 1.5 * 2)  # expect: 4.5 3.5 2.5 3.0
print(type(3 * 1.0).__name__, type(3 + 0.0).__name__)  # expect: float float
print(2 ** 100 / 2 ** 99, (2 ** 100) * 1.0)  # expect: 2.0 1.2676506002282294e+30
print(0.1 * 3, 0.3 / 0.1, 1.1 + 2.2)  # expect: 0.30000000000000004 2.9999999999999996 3.3000000000000003
try:
    print(1.0 / 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)  # expect: ZeroDivisionError: float division by zero
try:
    print(1.5 // 0.0)
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)  # expect: ZeroDivisionError: float floor division by zero
try:
    print(1.5 % 0.0)
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)  # expect: ZeroDivisionError: float modulo
