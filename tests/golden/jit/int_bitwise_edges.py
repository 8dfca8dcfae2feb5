# Shifts and bitwise operators in hot loops: shift counts past 63, negative operands, results crossing 2**47 and 2**63.
acc = 0
rows = []
for i in range(300):
    s = i % 80
    a = 1 << s
    b = -1 << s
    c = (2 ** 70 + i) >> s
    d = -(i + 1) >> (s % 10)
    e = (i * 2654435761) & 0xFFFFFFFF
    f = ~i ^ (i << 40)
    acc += (a ^ b) + c + d + e - f
    if s in (0, 46, 47, 48, 62, 63, 64, 79):
        rows.append((s, a, b, c, d))
print(acc)  # expect: -7244112441251304975217467
for r in rows[:8]:
    print(r)
    # expect: (0, 1, -1, 1180591620717411303424, -1)
    # expect: (46, 70368744177664, -70368744177664, 16777216, -1)
    # expect: (47, 140737488355328, -140737488355328, 8388608, -1)
    # expect: (48, 281474976710656, -281474976710656, 4194304, -1)
    # expect: (62, 4611686018427387904, -4611686018427387904, 256, -16)
    # expect: (63, 9223372036854775808, -9223372036854775808, 128, -8)
    # expect: (64, 18446744073709551616, -18446744073709551616, 64, -5)
    # expect: (79, 604462909807314587353088, -604462909807314587353088, 0, -1)

# Masks and signs: x & -x (lowest set bit), x | negative, xor with big ints.
low = []
for i in range(1, 400):
    x = i * 1000003
    low.append(x & -x)
print(sum(low), max(low), -12345 | 0xFF, -12345 & 0xFF, (-(2 ** 64)) ^ (2 ** 64 - 1))  # expect: 1888 256 -12289 199 -1

# Negative shift count raises ValueError.
errors = 0
for i in range(300):
    try:
        v = 1 << (i % 5 - 2)
    except ValueError as e:
        errors += 1
        msg = str(e)
print(errors, msg)  # expect: 120 negative shift count

# A hash-like mixing loop that must wrap by explicit masking only.
h = 0x811C9DC5
for ch in "the quick brown fox jumps over the lazy dog" * 10:
    h ^= ord(ch)
    h = (h * 0x01000193) & 0xFFFFFFFF
print(h, hex(h))  # expect: 3588150931 0xd5ded693
h64 = 0xCBF29CE484222325
for i in range(400):
    h64 ^= i
    h64 = (h64 * 0x100000001B3) % 2 ** 64
print(h64, h64 > 2 ** 63)  # expect: 2431652636295750645 False
