# Ints past the 48-bit inline range carried from one iteration (or bridge)
# to the next in a slot: read back as machine ints while they fit 64 bits.
def lcg(n):
    seed = 12345
    total = 0
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        total += seed * seed
        if i % 7 == 0:
            total -= 3
    return total, seed
print(lcg(5000))  # expect: (7724288693708274601931, 1019194865)
def grow(n):
    t = 2**40
    out = []
    for i in range(n):
        t = t * 3 + i
        out.append(t % 1000)
    return t, sum(out)
print(grow(60))  # expect: (46609571438503618313901567983845381799246, 31320)
def mix(n):
    a = 2**62
    for i in range(n):
        a = a + i - 2**61 if i % 2 else a - i + 2**61
        if i == n // 2:
            a = 1.5
    return a
print(mix(100), mix(7))  # expect: -2.305843009213694e+18 2.305843009213694e+18
def neg(n):
    x = -(2**50)
    for i in range(n):
        x = x - 2**60
        x = x + 2**60 - 1
    return x
print(neg(1000))  # expect: -1125899906843624
