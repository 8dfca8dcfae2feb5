# break and continue in nested loops.
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print(i, j)
        # expect: 0 0
        # expect: 2 0
        # expect: 2 2
        # expect: 3 1
        # expect: 3 3
total = 0
i = 0
while i < 20:
    i += 1
    if i % 3 == 0:
        continue
    if total > 50:
        break
    total += i
print(total, i)  # expect: 61 14
result = []
for word in ["alpha", "", "beta", "stop", "gamma"]:
    if not word:
        continue
    if word == "stop":
        break
    result.append(word.upper())
print(result)  # expect: ['ALPHA', 'BETA']
