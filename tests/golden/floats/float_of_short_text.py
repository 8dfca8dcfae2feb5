# float() of plain decimal texts (the short path) and of texts the general
# parser takes: signs, points at either end, many digits, exponents,
# underscores, whitespace, special values and errors.


def main():
    texts = ["37.5", "-37.5", "+2", "5.", ".5", "-0.0", "0", "-0", "0.1", "123456789012345",
             "1234567890123456", "12345678901234567890", "0.000000000000001", "99999999999999.9",
             "1e5", "1_000.5", " 2.5 ", "\t-1.25\n", "inf", "-Infinity", "nan", "1.5E-3", "٣.٥"]
    for t in texts:
        print(repr(t), repr(float(t)))
    for bad in ["", ".", "-", "+.", "1.2.3", "1__0", "_1", "1_", "0x10", "--1", "1 2", "e5"]:
        try:
            float(bad)
            print("no error", repr(bad))
        except ValueError as e:
            print("ValueError", e)
    # Hot: prices and their sums, through str() and back.
    total = 0.0
    same = 0
    for i in range(5000):
        x = (i * 37 % 1000) / 8 - 60
        t = str(x)
        y = float(t)
        total += y
        same += y == x
        z = float(str(i) + "." + str(i % 7))
        total += z
    print(total, same)


main()
# expect: '37.5' 37.5
# expect: '-37.5' -37.5
# expect: '+2' 2.0
# expect: '5.' 5.0
# expect: '.5' 0.5
# expect: '-0.0' -0.0
# expect: '0' 0.0
# expect: '-0' -0.0
# expect: '0.1' 0.1
# expect: '123456789012345' 123456789012345.0
# expect: '1234567890123456' 1234567890123456.0
# expect: '12345678901234567890' 1.2345678901234567e+19
# expect: '0.000000000000001' 1e-15
# expect: '99999999999999.9' 99999999999999.9
# expect: '1e5' 100000.0
# expect: '1_000.5' 1000.5
# expect: ' 2.5 ' 2.5
# expect: '\t-1.25\n' -1.25
# expect: 'inf' inf
# expect: '-Infinity' -inf
# expect: 'nan' nan
# expect: '1.5E-3' 0.0015
# expect: '٣.٥' 3.5
# expect: ValueError could not convert string to float: ''
# expect: ValueError could not convert string to float: '.'
# expect: ValueError could not convert string to float: '-'
# expect: ValueError could not convert string to float: '+.'
# expect: ValueError could not convert string to float: '1.2.3'
# expect: ValueError could not convert string to float: '1__0'
# expect: ValueError could not convert string to float: '_1'
# expect: ValueError could not convert string to float: '1_'
# expect: ValueError could not convert string to float: '0x10'
# expect: ValueError could not convert string to float: '--1'
# expect: ValueError could not convert string to float: '1 2'
# expect: ValueError could not convert string to float: 'e5'
# expect: 12511186.999999905 5000
