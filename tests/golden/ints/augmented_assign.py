# Augmented assignment operators on integers.
x = 10
x += 5
print(x)  # expect: 15
x -= 3
print(x)  # expect: 12
x *= 4
print(x)  # expect: 48
x //= 5
print(x)  # expect: 9
x %= 7
print(x)  # expect: 2
x **= 10
print(x)  # expect: 1024
x <<= 3
print(x)  # expect: 8192
x >>= 2
print(x)  # expect: 2048
x &= 0xFFF
print(x)  # expect: 2048
x |= 0x1000
print(x)  # expect: 6144
x ^= 0xFF
print(x)  # expect: 6399
y = 2 ** 62
y += y
print(y)  # expect: 9223372036854775808
y -= 2 ** 63
print(y)  # expect: 0
