# Nested hot loops with early exits, continue and else clauses.
found = []
for a in range(1, 40):
    for b in range(a, 40):
        c2 = a * a + b * b
        c = int(c2 ** 0.5)
        if c * c != c2:
            continue
        if c >= 40:
            break
        found.append((a, b, c))
    else:
        continue
print(len(found), found[:5], found[-1])  # expect: 15 [(3, 4, 5), (5, 12, 13), (6, 8, 10), (7, 24, 25), (8, 15, 17)] (21, 28, 35)
i = 0
while True:
    i += 1
    if i % 7 == 0 and i % 11 == 0:
        break
print(i)  # expect: 77
