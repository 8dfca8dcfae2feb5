# str() and repr() of floats with few decimal digits (the short layout) and
# of their neighbours that need the general one: both must agree with CPython.


def texts(xs):
    return [str(x) for x in xs]


def main():
    few = [37.5, -37.5, 0.5, 5.0, -5.0, 100.0, 0.0001, 0.00012, 0.1, 0.01, 123.456]
    print(texts(few))
    edges = [1e-4, 9.999e-5, 1e15, 999999999999999.9, 123456789012345.0, 1e14, 99999999999999.9]
    print(texts(edges))
    odd = [0.0, -0.0, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 1.5e-7, 2.675, 1e22, 5e-324]
    print(texts(odd))
    print(texts([float("inf"), float("-inf"), float("nan")]))
    # Neighbours of short decimals are long decimals.
    print(texts([0.1 * 3, 1.1 * 1.1, 100.0 / 7.0, 4.35 * 100, 0.57 * 100]))
    # Many values, hot enough for the JIT: prices, halves, hundredths.
    total = 0
    last = ""
    for i in range(3000):
        s = str((i * 7) % 100 + 0.5)
        t = str(i / 100)
        u = repr(-i * 0.25)
        total += len(s) + len(t) + len(u)
        last = s + "|" + t + "|" + u
    print(total, last)
    # In containers, f-strings and formatting (repr of the items).
    print([1.5, -0.25, 1e-4, 1e16], (2.5,), {"a": 0.125})
    print(f"{3.75} {-0.001} {1e15}", "%s %r" % (12.5, 0.3))
    # str of ints and bools goes through the same builtin.
    print(str(0), str(-7), str(10**18), str(-(2**63)), str(2**70), str(True), str(False))
    ints = 0
    for i in range(-2000, 2000, 7):
        ints += len(str(i)) + len(str(i * 1000003))
    print(ints)
    # One call site seeing floats, then ints, strs, bools and None.
    mixed = [0.5] * 40 + [2, "s", 2.5, True, None, 1e300, -0.0, 7, 0.125]
    print("".join([str(x) for x in mixed])[-60:])


main()
# expect: ['37.5', '-37.5', '0.5', '5.0', '-5.0', '100.0', '0.0001', '0.00012', '0.1', '0.01', '123.456']
# expect: ['0.0001', '9.999e-05', '1000000000000000.0', '999999999999999.9', '123456789012345.0', '100000000000000.0', '99999999999999.9']
# expect: ['0.0', '-0.0', '0.30000000000000004', '0.3333333333333333', '0.6666666666666666', '1e+16', '1e-05', '1.5e-07', '2.675', '1e+22', '5e-324']
# expect: ['inf', '-inf', 'nan']
# expect: ['0.30000000000000004', '1.2100000000000002', '14.285714285714286', '434.99999999999994', '56.99999999999999']
# expect: 44459 93.5|29.99|-749.75
# expect: [1.5, -0.25, 0.0001, 1e+16] (2.5,) {'a': 0.125}
# expect: 3.75 -0.001 1000000000000000.0 12.5 0.3
# expect: 0 -7 1000000000000000000 -9223372036854775808 1180591620717411303424 True False
# expect: 7946
# expect: 50.50.50.50.50.50.50.50.50.50.52s2.5TrueNone1e+300-0.070.125
