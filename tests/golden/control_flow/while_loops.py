# while loops: counters, sentinels, nested whiles and digit manipulation.
n = 12345
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits[::-1], sum(digits))  # expect: [1, 2, 3, 4, 5] 15
a, b = 1071, 462
while b:
    a, b = b, a % b
print(a)  # expect: 21
row = 1
while row <= 4:
    col = 1
    line = ""
    while col <= row:
        line += str(col)
        col += 1
    print(line.rjust(4))
    # expect:    1
    # expect:   12
    # expect:  123
    # expect: 1234
    row += 1
values = [3, 1, 4, 1, 5, 9, 2, 6]
i = 0
while i < len(values) and values[i] != 9:
    i += 1
print(i)  # expect: 5
