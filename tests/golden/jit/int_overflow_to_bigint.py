# An int accumulator grows past 2**47 and 2**63 mid-loop (inline small ints overflow to big ints).
x = 1
y = -1
for i in range(300):
    x = x * 2 + 1
    y = y * 2 - 1
    if i in (45, 46, 47, 48, 61, 62, 63, 64):
        print(i, x, y, x > 2 ** 47, y < -(2 ** 63))
    if i % 50 == 0:
        print(i, x % 1000003, y % 1000003, x.bit_length())
        # expect: 0 3 1000000 2
        # expect: 45 140737488355327 -140737488355327 False False
        # expect: 46 281474976710655 -281474976710655 True False
        # expect: 47 562949953421311 -562949953421311 True False
        # expect: 48 1125899906842623 -1125899906842623 True False
        # expect: 50 612147 387856 52
        # expect: 61 9223372036854775807 -9223372036854775807 True False
        # expect: 62 18446744073709551615 -18446744073709551615 True True
        # expect: 63 36893488147419103231 -36893488147419103231 True True
        # expect: 64 73786976294838206463 -73786976294838206463 True True
        # expect: 100 12432 987571 102
        # expect: 150 703314 296689 152
        # expect: 200 894758 105245 202
        # expect: 250 822292 177711 252
print(x == -y, x.bit_length(), y.bit_length())  # expect: True 301 301

# An add loop crossing the boundaries by small steps, then shrinking back.
big = 2 ** 47 - 150
for i in range(300):
    big += 1
    if big in (2 ** 47 - 1, 2 ** 47, 2 ** 47 + 1):
        print("crossed", i, big)
        # expect: crossed 148 140737488355327
        # expect: crossed 149 140737488355328
        # expect: crossed 150 140737488355329
print(big - 2 ** 47)  # expect: 150
for i in range(300):
    big -= 1
print(big == 2 ** 47 - 150, type(big).__name__)  # expect: True int

# Multiplication overflowing 64 bits: the product of 2**40 * 2**40 must not wrap.
p = 1
for i in range(1, 200):
    q = (2 ** 40 + i) * (2 ** 40 - i)
    p = (p + q) % (2 ** 89 + 1)
    if i % 40 == 0:
        print(i, q, p)
        # expect: 40 1208925819614629174704576 48357032784585166988224901
        # expect: 80 1208925819614629174699776 96714065569170333976320201
        # expect: 120 1208925819614629174691776 145071098353755500964157901
        # expect: 160 1208925819614629174680576 193428131138340667951610001
print(p)  # expect: 240576238103311205763882325

# Negative values past -2**63.
n = -(2 ** 62)
for i in range(200):
    n -= 2 ** 55
    if i % 50 == 0 or i == 63:
        print(i, n, n < -(2 ** 63))
        # expect: 0 -4647714815446351872 False
        # expect: 50 -6449154666394550272 False
        # expect: 63 -6917529027641081856 False
        # expect: 100 -8250594517342748672 False
        # expect: 150 -10052034368290947072 True
print(n, -n, abs(n), n // 7, n % 7)  # expect: -11817445422220181504 11817445422220181504 11817445422220181504 -1688206488888597358 2

# Stepping one at a time across -2**47 and -2**63 exactly.
for start in (-(2 ** 47) + 150, -(2 ** 63) + 150):
    m = start
    for i in range(300):
        m -= 1
        if m in (start - 150, start - 151) or i % 100 == 0:
            print("down", i, m, type(m).__name__)
            # expect: down 0 -140737488355179 int
            # expect: down 100 -140737488355279 int
            # expect: down 149 -140737488355328 int
            # expect: down 150 -140737488355329 int
            # expect: down 200 -140737488355379 int
    for i in range(300):
        m += 1
    print(m == start, m)
    # expect: True -140737488355178
    # expect: down 0 -9223372036854775659 int
    # expect: down 100 -9223372036854775759 int
    # expect: down 149 -9223372036854775808 int
    # expect: down 150 -9223372036854775809 int
    # expect: down 200 -9223372036854775859 int
    # expect: True -9223372036854775658

# Left shifts and negation overflow the same way.
s = 1
for i in range(100):
    s = s << 1
    if i in (46, 47, 62, 63, 99):
        print("shift", i, s, -s, ~s)
        # expect: shift 46 140737488355328 -140737488355328 -140737488355329
        # expect: shift 47 281474976710656 -281474976710656 -281474976710657
        # expect: shift 62 9223372036854775808 -9223372036854775808 -9223372036854775809
        # expect: shift 63 18446744073709551616 -18446744073709551616 -18446744073709551617
        # expect: shift 99 1267650600228229401496703205376 -1267650600228229401496703205376 -1267650600228229401496703205377
