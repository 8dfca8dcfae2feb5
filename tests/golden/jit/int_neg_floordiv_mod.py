# Integer // and % with negative operands follow Python's floor rules in a hot loop.
sums = [0, 0, 0, 0]
for i in range(-300, 300):
    a = i // 7
    b = i % 7
    c = i // -7
    d = i % -7
    sums[0] += a
    sums[1] += b
    sums[2] += c
    sums[3] += d
    if a * 7 + b != i or c * -7 + d != i:
        print("identity broken at", i)
    if i % 97 == 0:
        print(i, a, b, c, d, divmod(i, -13), -i // 4, -(i // 4))
        # expect: -291 -42 3 41 -4 (22, -5) 72 73
        # expect: -194 -28 2 27 -5 (14, -12) 48 49
        # expect: -97 -14 1 13 -6 (7, -6) 24 25
        # expect: 0 0 0 0 0 (0, 0) 0 0
        # expect: 97 13 6 -14 -1 (-8, -7) -25 -24
        # expect: 194 27 5 -28 -2 (-15, -1) -49 -48
        # expect: 291 41 4 -42 -3 (-23, -8) -73 -72
print(sums)  # expect: [-300, 1800, -215, -1805]

# Divisor changes every iteration, including negative divisors.
acc = 0
for i in range(1, 400):
    d = (i % 11) - 5
    if d == 0:
        continue
    acc += (i * 37) // d + (i * 37) % d
    if i % 80 == 0:
        print(i, d, (i * 37) // d, (i * 37) % d, acc)
        # expect: 80 -2 -1480 0 -1181
        # expect: 160 1 5920 0 -2194
        # expect: 240 4 2220 0 6294
        # expect: 320 -4 -2960 0 5324
print(acc)  # expect: -5680

# Big-int operands mixed with small ones.
big = -(2 ** 70) + 12345
total = 0
for i in range(1, 200):
    total += big // i + big % i
    if i % 50 == 0:
        print(i, big // i, big % i, big // -i, big % -i)
        # expect: 50 -23611832414348225822 21 23611832414348225821 -29
        # expect: 100 -11805916207174112911 21 11805916207174112910 -79
        # expect: 150 -7870610804782741941 71 7870610804782741940 -79
print(total)  # expect: -6933651125566210796052
