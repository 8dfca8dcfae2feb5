# for-loops over ranges whose values lie past 2**47 and near 2**63 (loop counters cannot be small ints).
total = 0
for i in range(2 ** 47 - 150, 2 ** 47 + 150):
    total += i - 2 ** 47
    if i in (2 ** 47 - 1, 2 ** 47):
        print("at", i, type(i).__name__)
        # expect: at 140737488355327 int
        # expect: at 140737488355328 int
print(total)  # expect: -150

total = 0
count = 0
for i in range(2 ** 62, 2 ** 62 + 3000, 7):
    total += i % 1000
    count += 1
print(count, total, i)  # expect: 429 214458 4611686018427390900

# Counting down across -2**47 with a negative step.
last = None
n = 0
for i in range(-(2 ** 47) + 200, -(2 ** 47) - 200, -3):
    n += 1
    last = i
print(n, last, last + 2 ** 47)  # expect: 134 -140737488355527 -199

# A range ending just below 2**63 (its values fit a machine word, but i + 1 at the end does not).
s = 0
for i in range(2 ** 63 - 300, 2 ** 63 - 1):
    s += i - (2 ** 63 - 300)
    nxt = i + 1
print(s, nxt, nxt + 1, type(nxt + 1).__name__)  # expect: 44551 9223372036854775807 9223372036854775808 int

# len, indexing and `in` on such ranges inside a loop.
r = range(2 ** 50, 2 ** 50 + 1000, 3)
hits = 0
for k in range(400):
    if 2 ** 50 + k in r:
        hits += 1
print(hits, len(r), r[5], r[-1], r.index(2 ** 50 + 999))  # expect: 134 334 1125899906842639 1125899906843623 333
