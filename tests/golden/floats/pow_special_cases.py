# x ** y for floats: the common case (a positive finite base, a finite
# exponent) and every special case of CPython's float_pow, in a loop hot
# enough for the JIT's pow path, with the errors it raises.
inf = float("inf")
nan = float("nan")
bases = [2.0, 0.5, 1.0, 1e-300, 1e300, 5e-324, 0.0, -0.0, -1.0, -2.0, -0.5, inf, -inf, nan, 3, -3, 0]
exps = [0.5, -1.5, 2.0, -1.0, 3.0, 0.0, -0.0, 1e300, -1e300, inf, -inf, nan, 2, -2, 0, 1, 3]


def attempt(x, y):
    try:
        return repr(x ** y)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)


for x in bases:
    row = []
    for y in exps:
        if isinstance(x, int) and isinstance(y, int):
            continue
        if x < 0 and y == y and y not in (inf, -inf) and y != int(y):
            continue  # a complex number in CPython
        row.append(attempt(x, y))
    print(repr(x), " ".join(row))
    # expect: 2.0 1.4142135623730951 0.3535533905932738 4.0 0.5 8.0 1.0 1.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf 0.0 nan 4.0 0.25 1.0 2.0 8.0
    # expect: 0.5 0.7071067811865476 2.8284271247461903 0.25 2.0 0.125 1.0 1.0 0.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf nan 0.25 4.0 1.0 0.5 0.125
    # expect: 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0
    # expect: 1e-300 1e-150 OverflowError: (34, 'Numerical result out of range') 0.0 9.999999999999999e+299 0.0 1.0 1.0 0.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf nan 0.0 OverflowError: (34, 'Numerical result out of range') 1.0 1e-300 0.0
    # expect: 1e+300 1e+150 0.0 OverflowError: (34, 'Numerical result out of range') 1e-300 OverflowError: (34, 'Numerical result out of range') 1.0 1.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf 0.0 nan OverflowError: (34, 'Numerical result out of range') 0.0 1.0 1e+300 OverflowError: (34, 'Numerical result out of range')
    # expect: 5e-324 2.2227587494850775e-162 OverflowError: (34, 'Numerical result out of range') 0.0 OverflowError: (34, 'Numerical result out of range') 0.0 1.0 1.0 0.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf nan 0.0 OverflowError: (34, 'Numerical result out of range') 1.0 5e-324 0.0
    # expect: 0.0 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 1.0 1.0 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 inf nan 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 1.0 0.0 0.0
    # expect: -0.0 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power -0.0 1.0 1.0 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 inf nan 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 1.0 -0.0 -0.0
    # expect: -1.0 1.0 -1.0 -1.0 1.0 1.0 1.0 1.0 1.0 1.0 nan 1.0 1.0 1.0 -1.0 -1.0
    # expect: -2.0 4.0 -0.5 -8.0 1.0 1.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf 0.0 nan 4.0 0.25 1.0 -2.0 -8.0
    # expect: -0.5 0.25 -2.0 -0.125 1.0 1.0 0.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf nan 0.25 4.0 1.0 -0.5 -0.125
    # expect: inf inf 0.0 inf 0.0 inf 1.0 1.0 inf 0.0 inf 0.0 nan inf 0.0 1.0 inf inf
    # expect: -inf inf -0.0 -inf 1.0 1.0 inf 0.0 inf 0.0 nan inf 0.0 1.0 -inf -inf
    # expect: nan nan nan nan nan nan 1.0 1.0 nan nan nan nan nan nan nan 1.0 nan nan
    # expect: 3 1.7320508075688772 0.19245008972987526 9.0 0.3333333333333333 27.0 1.0 1.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf 0.0 nan
    # expect: -3 9.0 -0.3333333333333333 -27.0 1.0 1.0 OverflowError: (34, 'Numerical result out of range') 0.0 inf 0.0 nan
    # expect: 0 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 1.0 1.0 0.0 ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 inf nan


def hot(n):
    total = 0.0
    d = 0.0
    for i in range(n):
        d = (i + 1) * 0.25
        total += d ** (-1.5) + d ** 0.5 + (d - 3.0) ** 2.0
    return total


print(hot(300))  # expect: 502046.8792058059
print(attempt(10.0, 400.0), attempt(-10.0, 401.0), attempt(0.0, -1.0), attempt(-0.0, -3.0))  # expect: OverflowError: (34, 'Numerical result out of range') OverflowError: (34, 'Numerical result out of range') ZeroDivisionError: 0.0 cannot be raised to a negative power ZeroDivisionError: 0.0 cannot be raised to a negative power
print(2 ** -1, 2 ** -2.0, (-2) ** -1, (-2.0) ** -3, (-2.0) ** 3.0)  # expect: 0.5 0.25 -0.5 -0.125 -8.0
print(attempt(0, -1), attempt(0, -1.0), attempt(-0.0, 0.5), attempt(-0.0, 3.0), attempt(-0.0, 2.0))  # expect: ZeroDivisionError: 0.0 cannot be raised to a negative power ZeroDivisionError: 0.0 cannot be raised to a negative power 0.0 -0.0 0.0
for y in [0.5, 1.5, -0.5, 30.0]:
    xs = [1e-5, 1.0000001, 7.0, 123456.789]
    print(y, [x ** y for x in xs])
    # expect: 0.5 [0.0031622776601683794, 1.0000000499999988, 2.6457513110645907, 351.3641828644462]
    # expect: 1.5 [3.16227766016838e-08, 1.0000001500000038, 18.520259177452136, 43378293.78605335]
    # expect: -0.5 [316.2277660168379, 0.9999999500000037, 0.37796447300922725, 0.0028460499071010685]
    # expect: 30.0 [1.0000000000000024e-150, 1.0000030000043518, 2.2539340290692256e+25, 5.564796857578692e+152]
