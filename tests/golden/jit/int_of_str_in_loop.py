# int(s) of strs in hot loops: plain, signed, padded, underscored and
# non-ASCII digits, big ints; the argument's type changes mid-loop, int is
# shadowed mid-loop, and a bad literal raises ValueError (caught, then not).


def parse_all(tokens):
    total = 0
    for t in tokens:
        total += int(t)
    return total


csv = ",".join([str(i * i % 9973) for i in range(500)])
print(parse_all(csv.split(",")))  # expect: 2278049
print(parse_all(["-5", " 17 ", "1_000", "+3", "\u0663\u0664", "0", "-0"] * 30))  # expect: 31470
print(parse_all(["12345678901234567890", "-98765432109876543210", "1"] * 40))  # expect: -3456790128345679012760


def mixed(values):
    out = []
    for v in values:
        out.append(int(v))
    return out


vals = ["7"] * 40 + [2.75] * 5 + ["8"] * 5 + [True, False, -3] + ["9"] * 5
print(sum(mixed(vals)), mixed(vals)[38:])  # expect: 373 [7, 7, 2, 2, 2, 2, 2, 8, 8, 8, 8, 8, 1, 0, -3, 9, 9, 9, 9, 9]


def counted(tokens):
    bad = 0
    good = 0
    for t in tokens:
        try:
            good += int(t)
        except ValueError as e:
            bad += 1
            if bad == 1:
                print("ValueError:", e)
    return good, bad


print(counted(["4", "x4", "5", "", "6", "1.5", "0x1f"] * 20))
# expect: ValueError: invalid literal for int() with base 10: 'x4'
# expect: (300, 80)


# int shadowed by a global function mid-loop, then restored.
def shadowing(n):
    global int
    acc = 0
    for i in range(n):
        if i == 40:
            def int(s):
                return len(s) * 100
        if i == 60:
            del int
        acc += int(str(i))
    return acc


print(shadowing(80))  # expect: 6170


def strict(tokens):
    s = 0
    for t in tokens:
        s += int(t)
    return s


print(strict(["1", "2"] * 50 + ["3.0"]))
# expect-error: ValueError: invalid literal for int() with base 10: '3.0'
