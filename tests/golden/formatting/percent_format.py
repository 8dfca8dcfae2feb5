# printf-style % formatting.
print("%d %i %s %r" % (42, -7, "str", "rep"))  # expect: 42 -7 str 'rep'
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))  # expect:    42|42   |00042|+42
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
# expect: ff FF 10 0xff 0o10
print("%.2f %10.3f %-10.1f| %e %g" % (3.14159, 2.5, 1.25, 12345.6789, 0.0001))  # expect: 3.14      2.500 1.2       | 1.234568e+04 0.0001
print("%s and %s" % ("this", "that"))  # expect: this and that
print("%c%c" % (72, "i"))  # expect: Hi
print("100%% sure")  # expect: 100%% sure
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})  # expect: Ann is 30
print("%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),))  # expect: [1, 2] 1 (1, 2)
print("%*d|%-*d|" % (5, 1, 4, 2))  # expect:     1|2   |
print("%.3s" % "abcdef")  # expect: abc
print("%d" % 3.99, "%s" % 3.99, "%r" % 3.99)  # expect: 3 3.99 3.99
print("%5s|%-5s|" % ("ab", "cd"))  # expect:    ab|cd   |
value = 1
while value < 100000:
    print("%8d %8.1e" % (value, value))
    # expect:        1  1.0e+00
    # expect:       17  1.7e+01
    # expect:      289  2.9e+02
    # expect:     4913  4.9e+03
    # expect:    83521  8.4e+04
    value *= 17
