# A loop that crosses from small to big integers (Fibonacci numbers).
a, b = 0, 1
for i in range(100):
    a, b = b, a + b
    if i % 20 == 0:
        print(i, a)
        # expect: 0 1
        # expect: 20 10946
        # expect: 40 165580141
        # expect: 60 2504730781961
        # expect: 80 37889062373143906
print(a)  # expect: 354224848179261915075
print(a % 1000000007)  # expect: 687995182
print(a.bit_length())  # expect: 69
count = 0
x = a
while x > 0:
    x //= 10
    count += 1
print(count)  # expect: 21
