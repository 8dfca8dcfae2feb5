# Int arithmetic whose intermediate results leave the inline (48-bit) int
# range but stay within 64 bits (an LCG step), then grow past 64 bits,
# change type mid-loop, and divide by zero with a traceback.


def lcg_words(n):
    seed = 12345
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        if i % 40 == 0:
            out.append(seed)
    return out


print(lcg_words(200))  # expect: [1406932606, 654858422, 1607771630, 812178982, 1534648670]


def chain(n, scale):
    acc = 0
    for i in range(n):
        x = (i - 50) * scale  # wide for large scales, negative half the time
        y = x + 7 - 3
        z = y * 2 - x
        w = (z // 1000003) + (z % 1000003) + (z >> 5) + (z & 0xFFFFF) + (z | 3) + (z ^ 0xF0F0)
        acc = (acc + w) % 1000000007
    return acc


print(chain(100, 3))  # expect: 98579841
print(chain(100, 3 * 10**12))  # expect: 454137756
print(chain(100, 5 * 10**15))  # products pass 64 bits: the overflow guard leaves
# expect: 658874433
print(chain(100, 2**62))  # expect: 536653346


# The operand changes type mid-loop: int, then a float, then a big int.
def mixed(n):
    total = 0
    v = 2**40
    for i in range(n):
        if i == 60:
            v = 2.5
        elif i == 120:
            v = 2**70
        t = v * 1000003 + i
        total = (total + t) % 999983
    return total


print(mixed(180))  # expect: 562965.0


# A wide value divided by a divisor that becomes zero: ZeroDivisionError
# with a traceback through the function.
def divide(n):
    s = 0
    for i in range(n):
        big = (i + 1) * 2**45 * 100
        d = 7 if i < 150 else 0
        s += big // d
    return s


print(divide(140))  # expect: 4960996464525311940
print(divide(200))
# expect-error: ZeroDivisionError: integer division or modulo by zero
