# math: argument checking and error messages, integer functions, exact logs of big ints.
import math
def attempt(f, *args):
    try:
        return f(*args)
    except (TypeError, ValueError, OverflowError, ZeroDivisionError) as error:
        return type(error).__name__ + ": " + str(error)
print(attempt(math.sqrt, "4"))  # expect: TypeError: must be real number, not str
print(attempt(math.sqrt))  # expect: TypeError: math.sqrt() takes exactly one argument (0 given)
print(attempt(math.pow, 2))  # expect: TypeError: pow expected 2 arguments, got 1
print(attempt(math.log, 0))  # expect: ValueError: math domain error
print(attempt(math.log, 8, 1))  # expect: ZeroDivisionError: float division by zero
print(attempt(math.exp, 1000))  # expect: OverflowError: math range error
print(attempt(math.factorial, -3))  # expect: ValueError: factorial() not defined for negative values
print(attempt(math.factorial, 2.5))  # expect: TypeError: 'float' object cannot be interpreted as an integer
print(attempt(math.floor, float("inf")))  # expect: OverflowError: cannot convert float infinity to integer
print(attempt(math.isqrt, -9))  # expect: ValueError: isqrt() argument must be nonnegative
print(attempt(math.sqrt, 10 ** 400))  # expect: OverflowError: int too large to convert to float
print(math.log(10 ** 400), math.log2(2 ** 3000), math.log10(10 ** 300))  # expect: 921.0340371976182 3000.0 300.0
print(math.gcd(), math.gcd(0, -12), math.gcd(24, 36, 60), math.lcm(4, 6, 10), math.lcm())  # expect: 0 12 12 60 1
print(math.comb(52, 5), math.perm(10), math.perm(10, 2), math.factorial(25))  # expect: 2598960 3628800 90 15511210043330985984000000
print(math.prod(range(1, 11)), math.prod([0.5, 4]), math.prod([], start=7))  # expect: 3628800 2.0 7
print(math.hypot(1, 2, 2), math.dist([1, 1], [4, 5]), math.fsum([1e100, 1.0, -1e100, 1e-100]))  # expect: 3.0 5.0 1.0
print(math.frexp(40.0), math.ldexp(0.625, 6), math.modf(-3.25))  # expect: (0.625, 6) 40.0 (-0.25, -3.0)
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(9.99), math.floor(True))  # expect: -1 0 9 1
print(math.isclose(1.0, 1.001, rel_tol=1e-2), math.isclose(1e-12, 0.0), math.isclose(1e-12, 0.0, abs_tol=1e-9))  # expect: True False True
print(math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3, math.remainder(7, 2))  # expect: -3.0 -1.0 2 -1.0
print(math.gamma(5), math.lgamma(10), math.erf(0.5), math.atan2(-1, -1))  # expect: 24.0 12.801827480081467 0.5204998778130465 -2.356194490192345
class Celsius:
    def __init__(self, degrees):
        self.degrees = degrees
    def __float__(self):
        return float(self.degrees)
print(math.sqrt(Celsius(81)), math.floor(Celsius(2.5)))  # expect: 9.0 2
print(math.ulp(1.0), math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0))  # expect: 2.220446049250313e-16 1.0000000000000002 -5e-324
