# Bitwise operators on small, negative and big integers.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)  # expect: 8 14 6 -13
print(a << 3, a >> 2, -a >> 1, -1 >> 10)  # expect: 96 3 -6 -1
print(1 << 64, (1 << 64) >> 60)  # expect: 18446744073709551616 16
print((1 << 100) | 1, (1 << 100) & ((1 << 100) - 1))  # expect: 1267650600228229401496703205377 0
print(-5 & 0xFF, -5 | 2, -5 ^ 3)  # expect: 251 -5 -8
print(~0, ~-1, ~(2 ** 70))  # expect: -1 0 -1180591620717411303425
big = 2 ** 80 + 12345
print(big & 0xFFFF, big ^ big, big >> 70)  # expect: 12345 0 1024
print((0xF0F0 & 0x0FF0) >> 4)  # expect: 15
mask = 0
for bit in range(0, 16, 3):
    mask |= 1 << bit
print(mask, bin(mask))  # expect: 37449 0b1001001001001001
print(True & False, True | False, True ^ True)  # expect: False True False
print(5 & True, 6 | False)  # expect: 1 6
