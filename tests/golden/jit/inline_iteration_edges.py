# `for` steps and unpacking compiled inline: negative and varying steps,
# ranges crossing the 48-bit small-int limit, unpacking that changes shape
# or fails mid-loop, and lists and tuples swapped under one loop.
def steps(n):
    total = 0
    for p in range(1, n):
        for m in range(n * 3, 0, -p):
            total += m
    return total

def big_range():
    out = []
    start = 2**47 - 5
    for i in range(start, start + 10):
        out.append(i - start)
    return out

def shapes(n):
    rows = []
    for i in range(n):
        rows.append((i, i * 2) if i % 7 else [i, -i])
    total = 0
    for a, b in rows:
        total += a - b
    return total

def bad_unpack(n):
    rows = [(i, i) for i in range(n)] + [(1, 2, 3)]
    total = 0
    try:
        for a, b in rows:
            total += a + b
    except ValueError as e:
        return total, str(e)

def seqs(n):
    acc = 0
    for k in range(n):
        for v in ((1, 2, 3) if k % 2 else [4, 5]):
            acc += v
    return acc

print(steps(30))
print(big_range())
print(shapes(100))
print(bad_unpack(80))
print(seqs(90))
# expect: 17383
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
# expect: -2745
# expect: (6320, 'too many values to unpack (expected 2)')
# expect: 675
