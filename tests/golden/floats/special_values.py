# inf, nan and negative zero.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan)  # expect: inf -inf nan
print(float("-inf"), float("Infinity"), float("NaN"))  # expect: -inf inf nan
print(inf > 1e308, -inf < -1e308, inf == inf)  # expect: True True True
print(nan == nan, nan != nan, nan < 1, nan > 1)  # expect: False True False False
print(inf + 1, inf - inf, inf * 0, inf * -1)  # expect: inf nan nan -inf
print(1e308 * 10, -1e308 * 10)  # expect: inf -inf
z = -0.0
print(z, 0.0, z == 0.0, -z)  # expect: -0.0 0.0 True 0.0
print(0.0 * -1, -0.0 + 0.0, abs(-0.0))  # expect: -0.0 0.0 0.0
print(repr(-0.0), str(-0.0))  # expect: -0.0 -0.0
print(1 / inf, -1 / inf)  # expect: 0.0 -0.0
print(min(3.0, inf), max(-inf, -3.0))  # expect: 3.0 -3.0
print(int(1e18), int(-2.5e10))  # expect: 1000000000000000000 -25000000000
print(nan in [nan], [nan] == [nan])  # expect: True True
x = nan
print(x is x, x == x)  # expect: True False
