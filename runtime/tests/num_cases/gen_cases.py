"""Generates the CPython 3.11 answer tables used by runtime/tests/num_*.rs.

Run once with python3 (CPython 3.11) from this directory; the tables are
committed, so the tests do not need python3. Each line is
    op <TAB> arg... <TAB> => <TAB> result
where a result is an int in decimal, a float as repr(), a tuple as
"a,b", or "!Kind:message" for an exception.
"""
import math
import random
import sys

rng = random.Random(20261121)

def fmt(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, tuple):
        return ",".join(fmt(x) for x in v)
    if isinstance(v, str):
        return v
    if isinstance(v, complex):
        return "complex"  # Tern has no complex type: it raises TypeError here
    raise TypeError(type(v))

def run(f):
    try:
        return fmt(f())
    except Exception as e:  # the table records CPython's exception
        if str(e) == "complex exponentiation":
            return "complex"
        return "!%s:%s" % (type(e).__name__, e)

def esc(s):
    # Escape tabs/newlines so a line stays one line.
    return s.encode("unicode_escape").decode("ascii")

def ints():
    base = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, -256, 2**31, 2**53, 2**53 + 1, -(2**53) - 1,
            2**62, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 2**64, 2**64 + 5, -(2**64),
            10**30, -(10**30) + 7, 3**100, -(5**80), 2**1023, 2**1024, 2**1100 + 1]
    base += [rng.randint(-1000, 1000) for _ in range(6)]
    base += [rng.randint(-(2**70), 2**70) for _ in range(4)]
    return base

def int_cases(out):
    vals = ints()
    pairs = [(a, b) for a in vals[:26] for b in vals[:26]]
    rng.shuffle(pairs)
    pairs = pairs[:260]
    for a, b in pairs:
        for op, f in [("add", lambda: a + b), ("sub", lambda: a - b), ("mul", lambda: a * b),
                      ("floordiv", lambda: a // b), ("mod", lambda: a % b),
                      ("divmod", lambda: divmod(a, b)), ("truediv", lambda: a / b),
                      ("and", lambda: a & b), ("or", lambda: a | b), ("xor", lambda: a ^ b)]:
            out.append((op, [str(a), str(b)], run(f)))
    for a in vals:
        for op, f in [("neg", lambda: -a), ("abs", lambda: abs(a)), ("invert", lambda: ~a),
                      ("to_f64", lambda: float(a)), ("bit_length", lambda: a.bit_length()),
                      ("bin", lambda: bin(a)), ("oct", lambda: oct(a)), ("hex", lambda: hex(a)),
                      ("hash", lambda: hash(a)), ("str", lambda: str(a))]:
            out.append((op, [str(a)], run(f)))
    for a in vals:
        for n in [0, 1, 3, 17, 63, 64, 65, 200, -1]:
            out.append(("lshift", [str(a), str(n)], run(lambda: a << n)))
            out.append(("rshift", [str(a), str(n)], run(lambda: a >> n)))
    for a in vals + [1250, 1350, -1250, 5, 15, -15, 4, 25, 35, 10**30 + 5 * 10**10]:
        for n in [0, 3, -1, -2, -5, -11, -30, -400]:
            out.append(("roundn", [str(a), str(n)], run(lambda: round(a, n))))
    small = [0, 1, -1, 2, -2, 3, -3, 7, 10, 12345, -99, 2**40, 2**64 + 1]
    for a in small:
        for b in [0, 1, 2, 3, 5, 10, 31, 64, 100, -1, -2, -3, -40, -1100]:
            out.append(("pow", [str(a), str(b)], run(lambda: a ** b)))
            for m in [7, -7, 1, 2**61 - 1, 10**20 + 3, 0, 12]:
                out.append(("pow3", [str(a), str(b), str(m)], run(lambda: pow(a, b, m))))
    fl = [0.0, -0.0, 0.5, -1.5, 1e16, 9007199254740992.0, 9007199254740993.0, 1e300, -1e300,
          float("inf"), float("-inf"), float("nan"), 1e-300, 123.75, -2.0**63, 2.0**63, 2.0**64]
    for a in vals:
        for x in fl:
            out.append(("cmpf", [str(a), repr(x)], run(
                lambda: ("lt" if a < x else "gt" if a > x else "eq" if a == x else "un"))))
    for a, b in [(1, 3), (2, 3), (10**30, 3), (2**1100, 3**600), (-(10**400), 10**399 * 3),
                 (1, 10**400), (-1, 10**400), (10**400, 1), (2**1024 - 2**970, 1),
                 (2**1024 - 2**970, 1), (2**1024 - 2**969, 1), (7, -(2**80)), (0, -5),
                 (0, 10**30), (2**53 + 1, 1), (2**54 + 3, 2), (3**200, 5**150),
                 (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 2**1080),
                 (10**320, 10**630), (-(3**900), 7**300)]:
        out.append(("truediv", [str(a), str(b)], run(lambda: a / b)))
    texts = ["0", "-0", "+12", " 42 ", "\t-17\n", "1_000", "1__000", "_1", "1_", "0x1f", "0X1F",
             "0o17", "0b101", "0b_101", "0_0", "00", "010", "0x", "12a", "", " ", "-", "+-1",
             "99999999999999999999999", "-9223372036854775808", "9223372036854775808",
             "\u00a07\u2003", "abc", "z", "Z", "0x_", "1 2", "x" * 300, "it's", "0b2", "1e5",
             "\u0663", "ff", "FF", "-0xff", "0o8", "7" * 30]
    for t in texts:
        for base in [10, 0, 16, 2, 8, 36, 1, 37]:
            out.append(("parse", [esc(t), str(base)], run(lambda: int(t, base))))
    out.append(("parse", ["1" * 4301, "10"], run(lambda: int("1" * 4301))))
    out.append(("parse", ["1" * 4301, "16"], run(lambda: hex(int("1" * 4301, 16))[:12])))

def float_vals():
    v = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, -7.0, 0.1, 1e-310, 5e-324,
         1e300, -1e300, 1.7976931348623157e308, 2.0**52 + 0.5, 2.0**53, 123456.789, -0.3,
         float("inf"), float("-inf"), float("nan"), 2.675, 0.125, 1e22, 1e23, 4.35, -8.0]
    v += [rng.uniform(-100, 100) for _ in range(6)] + [rng.uniform(-1e6, 1e6) for _ in range(4)]
    return v

def float_cases(out):
    vals = float_vals()
    for x in vals:
        for y in vals[:24]:
            for op, f in [("floordiv", lambda: x // y), ("mod", lambda: x % y),
                          ("divmod", lambda: divmod(x, y)), ("pow", lambda: x ** y),
                          ("truediv", lambda: x / y)]:
                out.append((op, [repr(x), repr(y)], run(f)))
        out.append(("round0", [repr(x)], run(lambda: round(x))))
        out.append(("int", [repr(x)], run(lambda: int(x))))
        out.append(("hash", [repr(x)], run(lambda: hash(x) if x == x else 0)))
        out.append(("is_integer", [repr(x)], run(lambda: x.is_integer())))
        out.append(("ratio", [repr(x)], run(lambda: x.as_integer_ratio())))
        for n in [0, 1, 2, 3, -1, -2, 5, 15, 17, 300, 330, -300, -310, -308]:
            out.append(("roundn", [repr(x), str(n)], run(lambda: round(x, n))))
    for x, y in [(2.0, 0.5), (-8.0, 1 / 3), (-8.0, 3.0), (-2.0, 0.5), (10.0, 400.0),
                 (10.0, -400.0), (-10.0, 401.0), (0.0, -1.0), (-0.0, -3.0), (-0.0, 3.0),
                 (1.0, float("nan")), (float("nan"), 0.0), (-1.0, float("inf")),
                 (0.5, float("-inf")), (float("-inf"), 3.0), (float("-inf"), -3.0),
                 (float("-inf"), 2.0), (1.5, 1000.0), (-1.0, 1e300)]:
        out.append(("pow", [repr(x), repr(y)], run(lambda: x ** y)))
    for x in [1.5, -1.5, 0.1, 1e100, 2.0**-1074, 3.0e-320, 123456789.0, -123456789.125, 2.0**61,
              2.0**62, -(2.0**61), 1.0e-5, 7.0, 2.0**70 + 2.0**20]:
        out.append(("hash", [repr(x)], run(lambda: hash(x))))
    for x, n in [(2.675, 2), (0.5, 0), (1.5, 0), (-0.5, 0), (1e308, -308),
                 (1.7976931348623157e308, -308), (0.285, 2), (5e-324, 323), (5e-324, 324),
                 (1234.5678, -2), (-1234.5678, -3), (0.0, -5), (-0.4, 0), (1e15 + 0.5, 0)]:
        out.append(("roundn", [repr(x), str(n)], run(lambda: round(x, n))))
    texts = ["1.5", " 1e5 ", "1_0.5", "inf", "-Infinity", "+nan", "nan", "NaN", "-nan", "x", "",
             ".", "1.", ".5", "1e", "1e+", "1E+05", "1_.5", "1._5", "1e1_0", "1e_10", "_1",
             "1__0", "0x10", "in_f", "infinit", "1e500", "-1e500", "1e-400", "\u00a01.5\u2003",
             "  -0.0  ", "1_000.000_1", "+.5e-3", "12345678901234567890.123", "1 2", "--1",
             "0.1e-3_0", "2.5e", "e5", "4.9406564584124654e-324", "2.4703282292062328e-324",
             "1.7976931348623159e308", "it's"]
    for t in texts:
        out.append(("parse_float", [esc(t)], run(lambda: float(t))))

def math_cases(out):
    vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 0.1, 3.7, -3.7, 10.0, 100.0, 710.0, -745.5,
            1e-300, 1e300, -1e300, 1e16, 0.9999999, 1.0000001, float("inf"), float("-inf"),
            float("nan"), 5e-324, 2.0**0.5]
    vals += [rng.uniform(-10, 10) for _ in range(8)]
    one = ["sqrt", "exp", "exp2", "expm1", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
           "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "fabs", "degrees",
           "radians", "cbrt", "floor", "ceil", "trunc", "log", "log2", "log10", "frexp", "modf"]
    for name in one:
        f = getattr(math, name)
        for x in vals:
            out.append((name, [repr(x)], run(lambda: f(x))))
    for _ in range(300):
        x = rng.uniform(-1, 1) * 10 ** rng.randint(-300, 300)
        out.append(("cbrt", [repr(x)], run(lambda: math.cbrt(x))))
    for x in vals + [0.5, 1.5, 4.0, 23.0, 24.0, 100.5, 171.5, 172.0, 201.0, -0.5, -1.5, -100.5,
                     -201.5, 1e-21, -1e-21, 1e-320, 150.25, -150.25, 2.0, 3.0, -2.0, 1e308]:
        out.append(("gamma", [repr(x)], run(lambda: math.gamma(x))))
        out.append(("lgamma", [repr(x)], run(lambda: math.lgamma(x))))
    two = ["atan2", "copysign", "fmod", "remainder", "pow", "hypot", "logb", "isclose", "dist"]
    pick = vals[:25]
    for name in two:
        for x in pick:
            for y in pick[::2]:
                if name == "hypot":
                    r = run(lambda: math.hypot(x, y))
                elif name == "logb":
                    r = run(lambda: math.log(x, y))
                elif name == "dist":
                    r = run(lambda: math.dist((x, 1.5), (y, -2.25)))
                elif name == "isclose":
                    r = run(lambda: math.isclose(x, y, rel_tol=0.5, abs_tol=1e-3))
                else:
                    r = run(lambda: getattr(math, name)(x, y))
                out.append((name, [repr(x), repr(y)], r))
    for _ in range(60):
        xs = [rng.uniform(-1e3, 1e3) * 10 ** rng.randint(-5, 5) for _ in range(rng.randint(2, 5))]
        out.append(("hypotn", [",".join(map(repr, xs))], run(lambda: math.hypot(*xs))))
    ints = [0, 1, 2, 3, 10, 12, 100, 10**20, 2**64, 10**400, -5, 3**500, 2**1024]
    for a in ints:
        out.append(("log_int", [str(a)], run(lambda: math.log(a))))
        out.append(("log2_int", [str(a)], run(lambda: math.log2(a))))
        out.append(("log10_int", [str(a)], run(lambda: math.log10(a))))
        for b in [2, 10, 1, 0, 7]:
            out.append(("logb_int", [str(a), str(b)], run(lambda: math.log(a, b))))
    ivals = [0, 1, 2, 5, 6, 12, 20, 21, 25, 30, 100, -1, -12, 2**64, 10**20 + 7, -(3**50)]
    for a in ivals:
        out.append(("factorial", [str(a)], run(lambda: math.factorial(a) if a < 2**20 else math.factorial(a))))
        out.append(("isqrt", [str(a)], run(lambda: math.isqrt(a))))
        out.append(("perm1", [str(a)], run(lambda: math.perm(a) if a < 2**20 else math.perm(a))))
        for b in ivals[:12]:
            out.append(("gcd", [str(a), str(b)], run(lambda: math.gcd(a, b))))
            out.append(("lcm", [str(a), str(b)], run(lambda: math.lcm(a, b))))
            out.append(("comb", [str(a), str(b)], run(lambda: math.comb(a, b))))
            out.append(("perm", [str(a), str(b)], run(lambda: math.perm(a, b))))
    out.append(("comb", [str(2**70), str(2**65)], run(lambda: math.comb(2**70, 2**65))))
    out.append(("perm", [str(2**70), str(2**65)], run(lambda: math.perm(2**70, 2**65))))
    out.append(("factorial", [str(2**70)], run(lambda: math.factorial(2**70))))
    for a in [10**40, 2**127 - 1, 3**300, 2**64 - 1]:
        out.append(("isqrt", [str(a)], run(lambda: math.isqrt(a))))
    sums = [[0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [1e308, 1e308],
            [float("inf"), float("-inf")], [float("inf"), 1.0], [float("nan"), 1.0], [],
            [1e-16, 1.0, 1e16], [-0.0, -0.0], [2.0**53, -0.5, -2.0**-54], [1.7976931348623157e308, -1e300]]
    for _ in range(40):
        sums.append([rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20) for _ in range(rng.randint(1, 30))])
    for xs in sums:
        out.append(("fsum", [",".join(map(repr, xs))], run(lambda: math.fsum(xs))))

def random_cases(out):
    seeds = [0, 1, 42, 2**64 + 5, -7, 2**32, 123456789, 10**40]
    for seed in seeds:
        def seq(name, draw):
            r = random.Random(seed)
            out.append((name, [str(seed)], run(lambda: ",".join(fmt(v) for v in draw(r)))))
        seq("random", lambda r: [r.random() for _ in range(20)])
        seq("randint", lambda r: [r.randint(1, 100) for _ in range(20)])
        seq("randrange_big", lambda r: [r.randrange(0, 10**30) for _ in range(20)])
        seq("randrange_step", lambda r: [r.randrange(-50, 1000, 7) for _ in range(10)]
            + [r.randrange(100, -100, -3) for _ in range(10)] + [r.randrange(17) for _ in range(5)])
        seq("shuffle", lambda r: (lambda x: (r.shuffle(x), x)[1])(list(range(20))))
        seq("choice", lambda r: [r.choice("abcdefghij") for _ in range(20)])
        seq("sample", lambda r: r.sample(range(10), 5) + r.sample(range(30), 30)
            + r.sample(range(1000), 10) + r.sample(range(100000), 50))
        seq("getrandbits", lambda r: [r.getrandbits(k) for k in
            [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 128, 200, 1000]])
        seq("uniform", lambda r: [r.uniform(-3.5, 8.25) for _ in range(10)])
        seq("gauss", lambda r: [r.gauss(1.0, 2.0) for _ in range(7)])
        seq("normalvariate", lambda r: [r.normalvariate(0.0, 1.0) for _ in range(7)])
        seq("choices", lambda r: [ord(c) - 97 for c in r.choices("abcdefg", k=15)])
        seq("choices_weighted", lambda r: [ord(c) - 97 for c in r.choices("abcd", cum_weights=[1, 1.5, 4, 10], k=15)])
        seq("expovariate", lambda r: [r.expovariate(1.5) for _ in range(5)])
    for text in ["hello", "", "naïve ☃", "x" * 200]:
        r = random.Random(text)
        out.append(("seed_str", [esc(text)], run(lambda: ",".join(fmt(r.random()) for _ in range(5)))))
    r = random.Random(2.5)
    out.append(("seed_float", ["2.5"], run(lambda: ",".join(fmt(r.random()) for _ in range(5)))))
    r = random.Random(5)
    for args in [(5, 5), (5, 5, 1), (10, 0), (0,), (-3,), (0, 10, 0), (0, 10, -1), (10, 0, 2), (3, None, 2)]:
        out.append(("randrange_err", [",".join("N" if a is None else str(a) for a in args)],
                    run(lambda: r.randrange(*args))))
    out.append(("sample_err", ["3,4"], run(lambda: r.sample(range(3), 4))))
    out.append(("sample_err", ["3,-1"], run(lambda: r.sample(range(3), -1))))
    out.append(("choice_err", ["0"], run(lambda: r.choice([]))))
    out.append(("getrandbits_err", ["-1"], run(lambda: r.getrandbits(-1))))

def main():
    which = sys.argv[1]
    out = []
    {"int": int_cases, "float": float_cases, "math": math_cases, "random": random_cases}[which](out)
    for op, args, res in out:
        print("\t".join([op] + args + ["=>", esc(res)]))

main()
