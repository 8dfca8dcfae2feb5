# Integer arithmetic: + - * and the floor-division/modulo sign rules.
a = 17
b = 5
print(a + b, a - b, a * b)  # expect: 22 12 85
print(a // b, a % b)  # expect: 3 2
print(-a // b, -a % b)  # expect: -4 3
print(a // -b, a % -b)  # expect: -4 -3
print(-a // -b, -a % -b)  # expect: 3 -2
print(divmod(a, b), divmod(-a, b), divmod(a, -b))  # expect: (3, 2) (-4, 3) (-4, -3)
for x in (-7, -1, 0, 1, 7):
    print(x, x // 3, x % 3, x // -3, x % -3)
    # expect: -7 -3 2 2 -1
    # expect: -1 -1 2 0 -1
    # expect: 0 0 0 0 0
    # expect: 1 0 1 -1 -2
    # expect: 7 2 1 -3 -2
print(0 * -5, -0, +7, -(-7))  # expect: 0 0 7 7
n = 1
for i in range(10):
    n = n * 3 + i
print(n)  # expect: 73806
