# Mixed int and float arithmetic in a hot loop; comparisons across types.
acc = 0
for i in range(1, 200):
    if i % 2:
        acc += i
    else:
        acc += i / 4
print(acc, type(acc).__name__)  # expect: 12475.0 float
count = 0
x = 0.0
while x < 10:
    x += 0.1
    count += 1
print(count, round(x, 10))  # expect: 101 10.1
n = 10 ** 20
f = 0.5
for i in range(10):
    n = n // 2 + i
    f = f * 2 + n % 7
print(n, f)  # expect: 97656250000000016 3327.0
