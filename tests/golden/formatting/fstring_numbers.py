# f-string formatting inside loops: a multiplication table and percentages.
for i in range(1, 6):
    print(" ".join(f"{i * j:3d}" for j in range(1, 6)))
    # expect:   1   2   3   4   5
    # expect:   2   4   6   8  10
    # expect:   3   6   9  12  15
    # expect:   4   8  12  16  20
    # expect:   5  10  15  20  25
total = 37
for part in (1, 5, 12, 19):
    print(f"{part:>3}/{total} = {part / total:6.2%}")
    # expect:   1/37 =  2.70%
    # expect:   5/37 = 13.51%
    # expect:  12/37 = 32.43%
    # expect:  19/37 = 51.35%
print(f"{2 ** 64:,}")  # expect: 18,446,744,073,709,551,616
print(f"{-1234.5678:,.2f}")  # expect: -1,234.57
print(f"{0.000012345:.3e}")  # expect: 1.234e-05
print(f"{1e6:.0f} {1e6:g} {1.0:.0e}")  # expect: 1000000 1e+06 1e+00
print(f"{7:3}|{7.0:5}|{'7':3}|")  # expect:   7|  7.0|7  |
print(f"{123.456:.1f}|{123.456:8.1f}|{123.456:<8.1f}|{123.456:+08.1f}")  # expect: 123.5|   123.5|123.5   |+00123.5
