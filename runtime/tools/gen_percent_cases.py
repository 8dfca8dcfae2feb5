"""Print CPython 3.11's answers for `fmt % args` as Rust table rows for
runtime/src/percent_format_cases.rs. Run once."""
import itertools

def lit(s):
    out = '"'
    for c in s:
        if c in '"\\':
            out += '\\' + c
        elif c == '\n':
            out += '\\n'
        elif ord(c) < 32 or ord(c) == 127:
            out += '\\u{%x}' % ord(c)
        else:
            out += c
    return out + '"'

def val(v):
    if isinstance(v, bool):
        return f"V::B({str(v).lower()})"
    if isinstance(v, int):
        return f"V::I({lit(str(v))})"
    if isinstance(v, float):
        r = repr(v)
        if r == 'inf': return "V::F(f64::INFINITY)"
        if r == '-inf': return "V::F(f64::NEG_INFINITY)"
        if r == 'nan': return "V::F(f64::NAN)"
        if 'e' not in r and '.' not in r: r += '.0'
        return f"V::F({r})"
    if isinstance(v, str):
        return f"V::S({lit(v)})"
    if v is None:
        return "V::None"
    if isinstance(v, list):
        return f"V::L(&[{', '.join(str(x) for x in v)}])"
    raise TypeError(v)

def args(a):
    if isinstance(a, tuple):
        return f"A::Tuple(&[{', '.join(val(x) for x in a)}])"
    if isinstance(a, dict):
        return "A::Dict(&[" + ", ".join(f"({lit(k)}, {val(v)})" for k, v in a.items()) + "])"
    return f"A::Single({val(a)})"

def answer(f, a):
    try:
        return f % a
    except Exception as e:
        return "!" + type(e).__name__ + ": " + str(e)

cases = []
nums = [0, -42, 255, 2**70, True, 3.75, -0.5, 2.675, 1e16, 1.5e-7, float('inf'), float('nan'), -0.0]
import random
rng = random.Random(1234)
convs = ['d', 'i', 'u', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 's', 'r', 'a', 'c']
flagsets = ['', '-', '+', ' ', '#', '0', '+0', '-#', '#0', ' 0']
widths = ['', '8', '.3', '10.2', '.0', '*', '.*', '-3']
for n in nums:
    for c in convs:
        for fl, w in rng.sample(list(itertools.product(flagsets, widths)), 12):
            if fl and w in ('.0', '-3'):
                continue
            if w == '-3':
                fmt = '%' + fl + c
                cases.append((fmt, (n,)))
                continue
            fmt = '%' + fl + w + c
            if '*' in w:
                cases.append((fmt, (5 if w == '*' else 2, n)))
                cases.append((fmt, (-6 if w == '*' else -1, n)))
            else:
                cases.append((fmt, n if not isinstance(n, tuple) else (n,)))
for s in ['abc', '', '\u00e9t\u00e9', 'a\nb', "it's", 'x']:
    for f in ['%s', '%r', '%a', '%5s', '%-5s|', '%.2s', '%7.1r', '%c', '%5c', '%d', '%x', '%f', '%05s']:
        cases.append((f, s))
misc = [
    ('%q', ()), ('%q', 1), ('%5%', ()), ('%5%', 1), ('%%', ()), ('100%% %s', 'x'), ('%(a)s-%(b)r', {'a': 1, 'b': 'x'}),
    ('%(a', {'a': 1}), ('%(a)s %s', {'a': 1}), ('abc', {'a': 1}), ('abc', 5), ('%s', {'a': 1}),
    ('%(a)s', (1,)), ('%', ()), ('%5', 1), ('%.*f', (2.5, 1.0)), ('%*d', (True, 5)), ('%s %s', (1,)),
    ('%s', (1, 2)), ('%s and %s', ('x', [1, 2])), ('%ld|%hi|%Lf', (1, 2, 3.0)), ('%(k)05.1f', {'k': 2.25}),
    ('%(missing)s', {'a': 1}), ('%s', None), ('%r', None), ('%d', None), ('%.3d', 7), ('%#.3x', 7),
    ('%\u00e9', 1), ('%\x01', 1), ('a%sb%sc', ('', '')), ('%-+8.3e|', 1234.5), ('%c', 0x110000),
    ('%c', -1), ('%c', 0x1f600), ('%(a)s %(a)s', {'a': 'z'}), ('%s', ()),
    ('%0-5d|', 3), ('%#o', 0), ('%#x', 0), ('%.0e', 12345.678), ('%#.0e', 1.0), ('%#g', 1.0),
    ('%.100f', 0.1), ('%g', 1e-5), ('%g', 123456789.0), ('%.2g', 0.0001234), ('%+.1f', -0.04),
]
cases += misc

print("pub(super) static CASES: &[(&str, A, &str)] = &[")
for f, a in cases:
    print(f"    ({lit(f)}, {args(a)}, {lit(answer(f, a))}),")
print("];")
