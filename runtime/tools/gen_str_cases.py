"""Print Rust assertions with CPython 3.11's answers for str methods, for
runtime/src/str_methods_tests.rs and str_transform_tests.rs. Run once."""
import sys

def lit(s):
    out = '"'
    for c in s:
        if c == '"' or c == '\\':
            out += '\\' + c
        elif c == '\n':
            out += '\\n'
        elif c == '\r':
            out += '\\r'
        elif c == '\t':
            out += '\\t'
        elif ord(c) < 32 or ord(c) == 127 or (ord(c) > 126 and not c.isprintable()):
            out += '\\u{%x}' % ord(c)
        else:
            out += c
    return out + '"'

def opt(v):
    return "None" if v is None else f"Some({v})"

def optstr(v):
    return "None" if v is None else f"Some({lit(v)})"

def vec(xs):
    return "vec![" + ", ".join(lit(x) for x in xs) + "]"

def res(fn):
    try:
        return ("ok", fn())
    except ValueError as e:
        return ("err", str(e))

which = sys.argv[1]
texts = ["", "abc", "hello world", "  spaced  out  ", "a,b,,c,", "aaaa", "h\u00e9llo w\u00f6rld \u00e9",
         "line1\nline2\r\nline3\rx\x0bq\x1cw\u2028e\n", "\u03a3\u0391\u03a3 \u039f\u03a3", "ab\tcd\te\nf\tg",
         "\u00df\ufb01 \u01c6x", "-42", "+7", "\u0130stanbul", "x\u00a0\u3000y\x1f"]
subs = ["", "a", "b", "l", "o", "ab", ",", "\u00e9", "zz", "ll", " "]
bounds = [(None, None), (1, None), (-3, None), (2, 5), (0, -1), (10, None), (-100, 100), (4, 2), (3, 3)]

if which == "methods":
    print("static FIND: &[(&str, &str, Option<i64>, Option<i64>, [i64; 3], [bool; 2])] = &[")
    for s in texts:
        for sub in subs:
            for (a, b) in bounds:
                f = [s.find(sub, a, b), s.rfind(sub, a, b), s.count(sub, a, b)]
                w = [str(s.startswith(sub, a, b)).lower(), str(s.endswith(sub, a, b)).lower()]
                print(f"    ({lit(s)}, {lit(sub)}, {opt(a)}, {opt(b)}, [{f[0]}, {f[1]}, {f[2]}], [{w[0]}, {w[1]}]),")
    print("];")
    print("static REPLACE: &[(&str, &str, i64, &str)] = &[")
    for s in texts:
        for sub in subs:
            for n in [-1, 0, 1, 2]:
                print(f"    ({lit(s)}, {lit(sub)}, {n}, {lit(s.replace(sub, '<>', n))}),")
    print("];")
    print("/// (text, sep, maxsplit, split result, rsplit result); an error is [\"!msg\"].")
    print("static SPLIT: &[(&str, Option<&str>, i64, &[&str], &[&str])] = &[")
    for s in texts:
        for sep in [None] + subs:
            for n in [-1, 0, 1, 2]:
                out = []
                for name in ["split", "rsplit"]:
                    kind, v = res(lambda: getattr(s, name)(sep, n))
                    out.append("&[" + ", ".join(lit(x) for x in v) + "]" if kind == "ok" else f"&[{lit('!' + v)}]")
                print(f"    ({lit(s)}, {optstr(sep)}, {n}, {out[0]}, {out[1]}),")
    print("];")
    print("static PARTITION: &[(&str, &str, [&str; 3], [&str; 3], [&str; 2])] = &[")
    for s in texts:
        for sub in subs[1:]:
            p = s.partition(sub); r = s.rpartition(sub)
            print(f"    ({lit(s)}, {lit(sub)}, [{', '.join(map(lit, p))}], [{', '.join(map(lit, r))}], [{lit(s.removeprefix(sub))}, {lit(s.removesuffix(sub))}]),")
    print("];")
    print("static STRIP: &[(&str, Option<&str>, [&str; 3])] = &[")
    for s in texts:
        for chars in [None, "a", " l", "-+4", "\u03a3"]:
            print(f"    ({lit(s)}, {optstr(chars)}, [{lit(s.strip(chars))}, {lit(s.lstrip(chars))}, {lit(s.rstrip(chars))}]),")
    print("];")
    print("static SPLITLINES: &[(&str, &[&str], &[&str])] = &[")
    for s in texts:
        a = "&[" + ", ".join(map(lit, s.splitlines())) + "]"
        b = "&[" + ", ".join(map(lit, s.splitlines(True))) + "]"
        print(f"    ({lit(s)}, {a}, {b}),")
    print("];")
else:
    extra = ["Hello World", "HELLO", "hello", "Hello world", "123", "\u00bd\u00b2", "\u0663", "_x1", "1x",
             "\u01c5ungla", "They're bill's", "\u03c0\u03c1", "ABC def", "\u1fbc", "a1 b2", "  ", "\t\n",
             "\u0345\u03a3", "\u2160", "\u00aa"]
    cases = ["upper", "lower", "casefold", "capitalize", "title", "swapcase"]
    preds = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isascii",
             "isprintable", "isupper", "islower", "istitle", "isidentifier"]
    print("/// (text, [" + ", ".join(cases) + "], [" + ", ".join(preds) + "])")
    print("pub(super) static CASES: &[(&str, [&str; 6], [bool; 12])] = &[")
    for s in texts + extra:
        a = ", ".join(lit(getattr(s, n)()) for n in cases)
        b = ", ".join(str(getattr(s, n)()).lower() for n in preds)
        print(f"    ({lit(s)}, [{a}], [{b}]),")
    print("];")
    print("/// (text, width, [center, ljust, rjust with '*', zfill])")
    print("pub(super) static PADDING: &[(&str, i64, [&str; 4])] = &[")
    for s in texts + extra:
        for w in [-1, 0, 5, 12, 13]:
            v = ", ".join(lit(x) for x in [s.center(w, '*'), s.ljust(w, '*'), s.rjust(w, '*'), s.zfill(w)])
            print(f"    ({lit(s)}, {w}, [{v}]),")
    print("];")
    print("pub(super) static TABS: &[(&str, i64, &str)] = &[")
    for s in texts + extra:
        for t in [0, 1, 4, 8]:
            print(f"    ({lit(s)}, {t}, {lit(s.expandtabs(t))}),")
    print("];")
