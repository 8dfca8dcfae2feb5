# Formatting floats with format specs and %.
x = 3.14159265
print(f"{x:.2f}", f"{x:.0f}", f"{x:10.3f}|", f"{x:<10.3f}|", f"{x:+.1f}")  # expect: 3.14 3      3.142| 3.142     | +3.1
print(f"{x:e}", f"{x:.2e}", f"{1234567.0:E}")  # expect: 3.141593e+00 3.14e+00 1.234567E+06
print(f"{x:g}", f"{1e-5:g}", f"{1e20:g}", f"{123456789.0:g}", f"{0.0001:g}")  # expect: 3.14159 1e-05 1e+20 1.23457e+08 0.0001
print(f"{1234567.891:,.2f}", f"{0.25:%}", f"{0.125:.1%}")  # expect: 1,234,567.89 25.000000% 12.5%
print("%.3f" % x, "%8.2f|" % x, "%-8.2f|" % x, "%e" % x)  # expect: 3.142     3.14| 3.14    | 3.141593e+00
print("%g" % 0.00001, "%g" % 1e16, "%s" % 1.5, "%r" % 0.1)  # expect: 1e-05 1e+16 1.5 0.1
print(format(2.5), format(2.5, ".3f"), format(-0.0, ".1f"))  # expect: 2.5 2.500 -0.0
print(f"{float('inf'):.2f}", f"{float('nan')}", f"{-float('inf'):f}")  # expect: inf nan -inf
print(f"{12.0:.3g}", f"{1.0:.10g}", f"{100.0:.2g}")  # expect: 12 1 1e+02
print(f"{3.0:08.3f}", f"{-3.0:08.3f}", f"{3.5:^9.1f}|")  # expect: 0003.000 -003.000    3.5   |
print(str(1.0e-7), str(12345678.9))  # expect: 1e-07 12345678.9
