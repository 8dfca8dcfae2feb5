# Shifts recorded inline in hot loops and inlined functions: constant and
# varying counts, counts past 63, negative operands, results that overflow
# into big ints, negative counts raising ValueError mid-loop, and bools.


def pack(a, b):
    return (a << 8) | (b >> 1)


def bits(full, cols, left, right):
    # The N-queens bit-mask step: masks shifted left and right each call.
    if cols == full:
        return 1
    total = 0
    free = full & ~(cols | left | right)
    while free:
        bit = free & -free
        free -= bit
        total += bits(full, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
    return total


print(bits((1 << 6) - 1, 0, 0, 0), bits((1 << 8) - 1, 0, 0, 0))  # expect: 4 92

# Constant counts in an inlined call.
acc = 0
for i in range(200):
    acc += pack(i, i * 3)
print(acc)  # expect: 5120360

# Varying counts: in range, past 63 (>> gives the sign), and << overflowing
# the 48-bit inline range and i64 into big ints.
rows = []
for i in range(130):
    x = i * 7 - 300
    rows.append((x << (i % 70), x >> i, (i + 1) >> (i // 2)))
print(sum(r[0] for r in rows))  # expect: 208471266463010070200458
print(sum(r[1] for r in rows), sum(r[2] for r in rows))  # expect: -622 9
print(rows[47], rows[64], rows[69], rows[129])
# expect: (4081387162304512, 0, 0) (2730118122909013639168, 0, 0) (108024133295643134263296, 0, 0) (347605833638964363264, 0, 0)

# Big results then small again: the trace must not keep a stale int path.
h = 1
out = []
for i in range(100):
    h = (h << 13) if i % 9 else 3
    out.append(h >> (i % 50))
print(out[8], out[17], out[44], out[98])
# expect: 237684487542793012780631851008 464227514732017603087171584 3458764513820540928 216172782113783808

# A negative count raises ValueError, both directions, after the loop got hot.
caught = []
for i in range(60):
    n = 3 - i // 10
    try:
        caught.append((i << n) + (i >> n))
    except ValueError as e:
        caught.append(str(e))
print(caught[29], caught[30], caught[39], caught[40], caught[59], len(caught))
# expect: 72 60 78 negative shift count negative shift count 60
for i in range(40):
    try:
        v = 1 >> (20 - i)
    except ValueError as e:
        print(i, e)  # expect: 21 negative shift count
        break

# Bools shift as ints; zero shifted any amount is zero.
t = []
for i in range(50):
    t.append((True << i % 5) + (False >> i % 3) + (True >> (i % 2)) + (0 << (i * 40)))
print(sum(t), t[:6])  # expect: 335 [2, 2, 5, 8, 17, 1]

# Augmented shifts on a loop variable.
m = 1
s = 0
for i in range(120):
    m <<= 1
    if m > 1 << 100:
        m >>= 99
    s += m & 0xFFFF
print(m, s)  # expect: 2097152 131066
