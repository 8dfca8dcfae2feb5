# math: constants and common functions.
import math
print(math.pi, math.e, math.inf, math.tau)  # expect: 3.141592653589793 2.718281828459045 inf 6.283185307179586
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))  # expect: 4.0 1.4142135623730951 2 3 -3 -2
print(math.gcd(48, 36), math.factorial(20), math.isqrt(99), math.comb(10, 3), math.perm(5, 2))  # expect: 12 2432902008176640000 9 120 20
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1))  # expect: 0.0 1.0 1.0 0.7853981633974483
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))  # expect: 1.0 3.0 3.0 10.0 1.0
print(math.fabs(-3), math.pow(2, 10), math.hypot(3, 4), math.trunc(-3.7), math.copysign(2, -0.0))  # expect: 3.0 1024.0 5.0 -3 -2.0
print(math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))  # expect: True True True True
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0))  # expect: int 100000000000000000000
print(math.fsum([0.1] * 10), sum([0.1] * 10))  # expect: 1.0 0.9999999999999999
print(math.degrees(math.pi), math.radians(180))  # expect: 180.0 3.141592653589793
try:
    math.sqrt(-1)
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: math domain error
from math import sqrt, pi
print(sqrt(pi * pi))  # expect: 3.141592653589793
