# Format specs on ints and strings: fill, align, sign, width, grouping, bases.
n = 1234567
print(f"{n:,}", f"{n:_}", f"{n:10}", f"{n:<10}|", f"{n:^11}|")  # expect: 1,234,567 1_234_567    1234567 1234567   |   1234567  |
print(f"{42:05d}", f"{-42:05d}", f"{42:+d}", f"{42: d}", f"{-42: d}")  # expect: 00042 -0042 +42  42 -42
print(f"{255:x}", f"{255:X}", f"{255:#x}", f"{255:o}", f"{255:#o}", f"{5:b}", f"{5:#010b}")
# expect: ff FF 0xff 377 0o377 101 0b00000101
print(f"{255:08x}", f"{-255:x}", f"{2**70:x}")  # expect: 000000ff -ff 400000000000000000
print(f"{'abc':*^9}", f"{'abc':->6}", f"{'abc':.2}", f"{'abc':5}|")  # expect: ***abc*** ---abc ab abc  |
print(f"{65:c}", f"{7:=+5}", f"{-7:=6}")  # expect: A +   7 -    7
print(f"{True:d}", f"{True}", f"{12:n}")  # expect: 1 True 12
print(f"{0.5:.0%}")  # expect: 50%
for value in (0, 7, 42, 1000):
    print(f"|{value:>6}|{value:<6}|{value:^6}|{value:06}|")
    # expect: |     0|0     |  0   |000000|
    # expect: |     7|7     |  7   |000007|
    # expect: |    42|42    |  42  |000042|
    # expect: |  1000|1000  | 1000 |001000|
print(f"{1234567.5:,.1f}", f"{-0.5:+.2f}", f"{10**10:,}")  # expect: 1,234,567.5 -0.50 10,000,000,000
