# int and float operands mixed in the same hot expressions; True/False used as ints.
acc = 0
facc = 0.0
for i in range(1, 400):
    if i % 4 == 0:
        acc += i / 8
    elif i % 4 == 1:
        acc += i // 3
    elif i % 4 == 2:
        acc -= i * 0.25
    else:
        acc = acc * 1 + (i % 5)
    facc += i ** 0.5 if i % 2 else i ** 2
    if i % 75 == 0:
        print(i, type(acc).__name__, acc, round(facc, 6))
        # expect: 75 float 169.0 70520.93221
        # expect: 150 float 641.5 574412.455143
        # expect: 225 float 1471.0 1899532.591665
        # expect: 300 float 2462.5 4546832.134511
        # expect: 375 float 3781.5 8791430.387462
print(acc, facc)  # expect: 4275.0 10589466.750692632

# int ops producing floats: true division, negative power, pow of float.
r = []
for i in range(1, 300):
    r.append(i / 3 + 2 ** -i + i % 2.5)
print(r[0], r[1], r[-1], len(r), sum(r))  # expect: 1.8333333333333333 2.9166666666666665 101.16666666666667 299 15251.0

# Comparisons between big ints and floats are exact.
big = 2 ** 53
hits = 0
for i in range(300):
    f = float(big + i)
    if f == big + i:
        hits += 1
    if big + i < f + 0.5:
        hits += 1000
print(hits, float(2 ** 53 + 1) == 2 ** 53 + 1, 2 ** 53 + 1 > float(2 ** 53))  # expect: 75150 False True

# True and False used as integers.
t = 0
for i in range(400):
    t += (i % 3 == 0)
    t += True * 2
    t -= False
    t += (i > 200) * (i < 300)
print(t, True + True, True * 7.5, -True, ~False, True // 2, True / 2, True << 4)  # expect: 1033 2 7.5 -1 -1 0 0.5 16
bools = [i % 2 == 0 for i in range(300)]
print(sum(bools), bools.count(True), bools.index(False), max(bools), sum(bools, 0.5))  # expect: 150 150 1 True 150.5
