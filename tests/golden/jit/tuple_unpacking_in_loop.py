# Tuple unpacking in hot loops: swaps, nested targets, starred targets, unpacking returned tuples.
a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a % 10 ** 9, b.bit_length())  # expect: 990979600 208

def divmod_pair(n):
    return n // 7, n % 7

sq = 0
for i in range(400):
    q, r = divmod_pair(i)
    sq += q * r
print(sq)  # expect: 33516

pairs = [(i, (str(i), [i, i * 2])) for i in range(300)]
acc = 0
names = []
for n, (s, [x, y]) in pairs:
    acc += n + x + y
    if n % 100 == 0:
        names.append(s)
print(acc, names)  # expect: 179400 ['0', '100', '200']

rows = [list(range(i % 6 + 2)) for i in range(300)]
firsts = lasts = mids = 0
for first, *middle, last in rows:
    firsts += first
    lasts += last
    mids += len(middle)
print(firsts, lasts, mids)  # expect: 0 1050 750

# Unpacking a wrong number of values mid-loop raises ValueError, caught.
bad = 0
for i in range(300):
    try:
        x, y = range(i % 4)
    except ValueError as e:
        bad += 1
        msg = str(e)
print(bad, msg)  # expect: 225 too many values to unpack (expected 2)

# Rotating three variables.
p, q, r = 1, 2, 3
for i in range(301):
    p, q, r = q, r, p
print(p, q, r)  # expect: 2 3 1
