# break, continue and loop-else clauses in hot for and while loops.
def first_divisor(n):
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return d
    else:
        return -1  # only for n <= 2 (range empty, no break)
    return n

primes = []
for n in range(2, 500):
    if first_divisor(n) in (n, -1):
        primes.append(n)
print(len(primes), primes[:10], primes[-3:])  # expect: 95 [2, 3, 5, 7, 11, 13, 17, 19, 23, 29] [487, 491, 499]

# for-else runs only when the loop was not broken out of.
elses = 0
breaks = 0
for i in range(300):
    for j in range(i % 10):
        if j == 6:
            breaks += 1
            break
    else:
        elses += 1
print(elses, breaks)  # expect: 210 90

# while-else with continue.
n = 0
skipped = 0
while n < 600:
    n += 1
    if n % 4 == 0:
        skipped += 1
        continue
    if n == 10 ** 6:
        break
else:
    print("while finished", n, skipped)  # expect: while finished 600 150

# continue in a nested loop only affects the inner loop.
total = 0
for i in range(60):
    for j in range(30):
        if (i + j) % 3 == 0:
            continue
        if j > i:
            break
        total += i * j
print(total)  # expect: 453070
