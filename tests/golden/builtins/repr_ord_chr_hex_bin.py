# repr, ord, chr, hex, bin, oct-free number formatting builtins.
print(repr(1), repr(1.0), repr("1"), repr([1, "1"]), repr(None), repr((1,)))  # expect: 1 1.0 '1' [1, '1'] None (1,)
print(ord("A"), ord("z"), ord("0"), ord(" "), ord("€"))  # expect: 65 122 48 32 8364
print(chr(65), chr(122), chr(8364), repr(chr(10)), chr(ord("a") + 1))  # expect: A z € '\n' b
print(hex(0), hex(255), hex(-1), hex(2 ** 64), bin(0), bin(7), bin(-7), bin(2 ** 10))  # expect: 0x0 0xff -0x1 0x10000000000000000 0b0 0b111 -0b111 0b10000000000
print("".join(chr(c) for c in range(97, 103)))  # expect: abcdef
print([ord(c) - ord("a") for c in "hello"])  # expect: [7, 4, 11, 11, 14]
print(int(hex(12345), 16), int(bin(99), 2))  # expect: 12345 99
try:
    chr(-1)
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: chr() arg not in range(0x110000)
try:
    ord("ab")
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: ord() expected a character, but string of length 2 found
