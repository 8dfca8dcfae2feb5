# Powers: big results, negative exponents give floats, 3-argument pow.
print(2 ** 100)  # expect: 1267650600228229401496703205376
print(3 ** 50)  # expect: 717897987691852588770249
print((-2) ** 63, (-2) ** 64)  # expect: -9223372036854775808 18446744073709551616
print(7 ** 0, 0 ** 0, 1 ** 1000)  # expect: 1 1 1
print(2 ** -1, 2 ** -2, (-2) ** -3)  # expect: 0.5 0.25 -0.125
print(type(2 ** -1).__name__, type(2 ** 10).__name__)  # expect: float int
print(pow(2, 10), pow(2, 100, 1000), pow(3, 200, 7))  # expect: 1024 376 2
print(pow(-3, 3), pow(-3, 3, 5))  # expect: -27 3
print(10 ** 30 // 3 ** 20)  # expect: 286797199079244131332
print(-2 ** 2, (-2) ** 2)  # expect: -4 4
print(2 ** 3 ** 2)  # expect: 512
x = 1
for _ in range(5):
    x = x ** 2 + 1
print(x)  # expect: 458330
print(len(str(2 ** 1000)))  # expect: 302
