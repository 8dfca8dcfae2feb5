# A tour of the syntax the parser accepts; checked against CPython by parse_vs_cpython.rs.
x = f"{x:{w}.{p}f}" f'{a!r}' f"{b!s:>10}" f"{c!a}" F"{{}}" f"{d = }" f"{e=!s}" f"{g=:>5}"
x = f"a{1+2}b{'q'}c{d['k']}e" 'plain' rf"\d{x}\n" fr'{x}\t' f'''{x
+ 1}''' f"{x:{'>'}{10}}" f"{ {1: 2}[1] }" f"{a if b else c}" f"{(lambda: 1)()}" f"{x!r:}" f"{3.14:.{2}}"
s = '\x41\101\u00e9\U0001F600\0\a\b\f\v\r\t\n\\\'\"' "\d" '\
continued'
n = 0xFF + 0o777 + 0b1010 + 1_000_000 + 123456789012345678901234567890 + 0 + 00 + 0_0
f = 1. + .5 + 1e-3 + 1_000.5 + 1E10 + 3.14e+2 + 1e999 + 0.1 + 1_0.0_1e1_0
y = -2**2, 2**-1, -x**-y**z, not a == b, a if b else c if d else e, lambda: (yield)
z = a < b < c, a is not b, a not in b, (a)(b)[c].d, a[1:2, ::3, ...], a[:], a[::], a[1:], a[:2:], a[*b], a[1,]
def f(a, b=1, /, c=2, *d, e, g=3, **h) -> int: pass
def g(*, a, b=1): return
l = lambda a, b=1, *c, d, e=2, **f: 0
lambda *a: a; lambda **k: k; lambda: 0
class A(B, *C, metaclass=M, x=1): "doc"
@a.b(c)
@d
class E: pass
from .. import a; from .a.b import c as d, e; from ...x import (y, z,); import a.b.c, d as e
for (a, b), *c in d: pass
for x, in y: break
a = b = c = *d, e = f, g
x: int; y: list[int] = []; a.b: int = 1; c[0]: str
x += 1; x -= 1; x *= 1; x /= 1; x //= 1; x %= 1; x **= 1; x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
del a, b.c, d[e], (f, g), [h]
global a, b
assert x; assert x, "m"
raise; raise X; raise X from Y
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
except:
    pass
else:
    pass
finally:
    pass
try: pass
finally: pass
while x: pass
else: pass
if a: pass
elif b: pass
elif c: pass
else: pass
x = [i for i in range(3) if i if not i for j in i]; y = {i: j for i, j in k}; z = {i for i in j}; w = (i for i in j)
f(x for x in y); f(*a, *b, c=1, **d, **e); f(a)(b)(c); f(a=1, *b)
x = yield; x = yield a, b; x = yield from f(); yield; yield a; (yield)
x = {**a, 'b': 1, **c}; y = {*a, *b}; z = [*a, *b]; w = (*a, *b); v = {}; u = (); t = []
x = ...; x = None; x = True; x = False
x = a or b and c or not d; x = ~a | b ^ c & d << e >> f + g - h * i / j // k % l
if x:
    pass
    # comment

    y = 1
z = 3   \
   + 4
print("a", end="")
x = f"{'a' 'b'}" f"{x}" "" f"" f"{y}{z}"
x = f'{x:%H:%M}' f'{x::>3}' f"{x!r:^{w}}" f'{a!=b}' f'{a==b=}' f'{a <= b}'
