# Integer literal forms: hex, octal, binary, underscores, and conversions back.
print(0x1F, 0XfF, 0o17, 0O777, 0b101, 0B11)  # expect: 31 255 15 511 5 3
print(1_000_000, 0x_FF_FF, 0b_1010_1010, 0o_7_7)  # expect: 1000000 65535 170 63
print(hex(255), oct(8), bin(10))  # expect: 0xff 0o10 0b1010
print(hex(-255), oct(-8), bin(-10))  # expect: -0xff -0o10 -0b1010
print(hex(2 ** 70), bin(2 ** 65))  # expect: 0x400000000000000000 0b100000000000000000000000000000000000000000000000000000000000000000
print(int("ff", 16), int("0x1f", 16), int("777", 8), int("1010", 2))  # expect: 255 31 511 10
print(int("0b101", 0), int("0o17", 0), int("0x10", 0), int("99", 0))  # expect: 5 15 16 99
print(int("  42  "), int("-17"), int("+5"), int("1_000"))  # expect: 42 -17 5 1000
print(int("z", 36), int("ZZ", 36))  # expect: 35 1295
print(int(3.99), int(-3.99), int(True), int(False))  # expect: 3 -3 1 0
print(int("123456789012345678901234567890"))  # expect: 123456789012345678901234567890
print(0 == 0x0 == 0o0 == 0b0)  # expect: True
print(00, 0_0)  # expect: 0 0
