# A generator resumed many times inside a hot loop.
def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2

total = 0
for v in evens(2000):
    total += v
print(total)  # expect: 999000
def running_max(values):
    best = None
    for v in values:
        if best is None or v > best:
            best = v
        yield best
seq = [(i * 37) % 101 for i in range(300)]
maxima = list(running_max(seq))
print(maxima[:12], maxima[-1], sum(maxima))  # expect: [0, 37, 74, 74, 74, 84, 84, 84, 94, 94, 94, 94] 100 29612
