# The JIT's str helpers that skip checks their trace made (s[i], s[i] in
# CONST, ord, chr, int(s), s.find(c, start)), in hot loops: ASCII and
# non-ASCII texts, negative and out-of-range indices, one-byte needles near
# and far, and every int() text the short-digit path must leave to the
# general parser.


def index_all(s):
    out = []
    for i in range(-len(s), len(s)):
        out.append(s[i])
    return "".join(out)


def ws_count(s):
    n = 0
    for i in range(-len(s), len(s)):
        if s[i] in " \n\t":
            n += 1
    return n


def codes(s):
    total = 0
    for ch in s:
        total = total * 7 + ord(ch)
    return total % 1000003


def chars(lo, hi):
    out = []
    for i in range(lo, hi):
        out.append(chr(i))
    return "".join(out)


def ints(texts):
    out = []
    for t in texts:
        try:
            out.append(int(t))
        except ValueError as e:
            out.append(str(e))
    return out


def finds(s, needles, starts):
    out = []
    for c in needles:
        for st in starts:
            out.append(s.find(c, st))
        out.append(s.find(c))
    return out


for s in ["hello world", "a \tb\nc", "é日 x~ \t", ""]:
    print(repr(index_all(s * 3)), ws_count(s * 3), codes(s * 3))
    # expect: 'hello worldhello worldhello worldhello worldhello worldhello world' 6 534115
    # expect: 'a \tb\nca \tb\nca \tb\nca \tb\nca \tb\nca \tb\nc' 18 52931
    # expect: 'é日 x~ \té日 x~ \té日 x~ \té日 x~ \té日 x~ \té日 x~ \t' 18 576575
    # expect: '' 0 0
print(chars(90, 140), len(chars(0, 300)))  # expect: Z[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ 300
print(ints(["0", "-0", "007", "42", "-42", "123456789012345678", "-123456789012345678"] * 3))  # expect: [0, 0, 7, 42, -42, 123456789012345678, -123456789012345678, 0, 0, 7, 42, -42, 123456789012345678, -123456789012345678, 0, 0, 7, 42, -42, 123456789012345678, -123456789012345678]
print(ints(["1234567890123456789", "-1234567890123456789", " 12", "12 ", "+5", "1_000"] * 3))  # expect: [1234567890123456789, -1234567890123456789, 12, 12, 5, 1000, 1234567890123456789, -1234567890123456789, 12, 12, 5, 1000, 1234567890123456789, -1234567890123456789, 12, 12, 5, 1000]
print(ints(["١٢٣", "-", "", "abc", "12a", "--1", "0x10", "9" * 30] * 3))  # expect: [123, "invalid literal for int() with base 10: '-'", "invalid literal for int() with base 10: ''", "invalid literal for int() with base 10: 'abc'", "invalid literal for int() with base 10: '12a'", "invalid literal for int() with base 10: '--1'", "invalid literal for int() with base 10: '0x10'", 999999999999999999999999999999, 123, "invalid literal for int() with base 10: '-'", "invalid literal for int() with base 10: ''", "invalid literal for int() with base 10: 'abc'", "invalid literal for int() with base 10: '12a'", "invalid literal for int() with base 10: '--1'", "invalid literal for int() with base 10: '0x10'", 999999999999999999999999999999, 123, "invalid literal for int() with base 10: '-'", "invalid literal for int() with base 10: ''", "invalid literal for int() with base 10: 'abc'", "invalid literal for int() with base 10: '12a'", "invalid literal for int() with base 10: '--1'", "invalid literal for int() with base 10: '0x10'", 999999999999999999999999999999]
text = "a,b;" * 5 + "x" * 40 + '"end"' + "é,日" + ",z"
print(finds(text, [",", '"', "x", "z", "é", "?", ""], [0, 3, 19, 21, 60, 70, 200, -1, -5, -200] * 2))  # expect: [1, 5, 66, 66, 66, -1, -1, -1, 66, 1, 1, 5, 66, 66, 66, -1, -1, -1, 66, 1, 1, 60, 60, 60, 60, 60, -1, -1, -1, -1, 60, 60, 60, 60, 60, 60, -1, -1, -1, -1, 60, 60, 20, 20, 20, 21, -1, -1, -1, -1, -1, 20, 20, 20, 20, 21, -1, -1, -1, -1, -1, 20, 20, 69, 69, 69, 69, 69, -1, -1, 69, 69, 69, 69, 69, 69, 69, 69, -1, -1, 69, 69, 69, 69, 65, 65, 65, 65, 65, -1, -1, -1, 65, 65, 65, 65, 65, 65, 65, -1, -1, -1, 65, 65, 65, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 3, 19, 21, 60, 70, -1, 69, 65, 0, 0, 3, 19, 21, 60, 70, -1, 69, 65, 0, 0]
ascii_text = "k" * 100 + "!"
print(finds(ascii_text, ["!", "k", "?"], [0, 50, 99, 100, 101, 102] * 3))  # expect: [100, 100, 100, 100, -1, -1, 100, 100, 100, 100, -1, -1, 100, 100, 100, 100, -1, -1, 100, 0, 50, 99, -1, -1, -1, 0, 50, 99, -1, -1, -1, 0, 50, 99, -1, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1]


def get_error(s, i):
    total = 0
    for k in range(30):
        total += len(s[i if k == 29 else 0])
    return total


try:
    get_error("abc", 5)
except IndexError as e:
    print("IndexError", e)  # expect: IndexError string index out of range
try:
    get_error("é日", -3)
except IndexError as e:
    print("IndexError", e)  # expect: IndexError string index out of range


def mask_error(s, i):
    n = 0
    for k in range(30):
        if s[i if k == 29 else 0] in " \n":
            n += 1
    return n


try:
    mask_error("a b", 3)
except IndexError as e:
    print("IndexError", e)  # expect: IndexError string index out of range
