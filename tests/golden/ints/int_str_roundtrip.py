# int <-> str round trips for small, large and negative numbers in several bases.
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))

for n in [0, 7, -255, 2 ** 64 + 3, -(10 ** 25), 123456789]:
    row = [to_base(n, b) for b in (2, 8, 16, 36)]
    back = [int(s, b) for s, b in zip(row, (2, 8, 16, 36))]
    print(n, row[2], row[3], all(v == n for v in back))
    # expect: 0 0 0 True
    # expect: 7 7 7 True
    # expect: -255 -ff -73 True
    # expect: 18446744073709551619 10000000000000003 3w5e11264sgsj True
    # expect: -10000000000000000000000000 -84595161401484a000000 -198exbvshgpunuk1s True
    # expect: 123456789 75bcd15 21i3v9 True
print(str(2 ** 200)[:20], len(str(-(2 ** 200))))  # expect: 16069380442589902755 62
print(int("9" * 50) + 1 == 10 ** 50)  # expect: True
