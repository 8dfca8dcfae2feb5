# The runtime's fast paths for strs, run hot so traces call them: replace
# written in place (many, few, overlapping and non-ASCII matches), short
# needle search past sixteen bytes, join by one-byte, empty and longer
# separators, str(int) digit pairs, stepped str slices, iteration and ord
# over non-ASCII text, int() of odd text, and lists grown by append.


def replaces(n):
    acc = 0
    last = ""
    texts = [
        "THETA ETA ZETA BETA ALPHA GAMMA ETA",
        "ééé日本語é" * 3,
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "no match here at all, none",
        "",
        "x",
        "ab" * 40,
    ]
    for i in range(n):
        t = texts[i % len(texts)]
        r1 = t.replace("ETA", "e-t-a")
        r2 = t.replace("é", "E")
        r3 = t.replace("aa", "b")
        r4 = t.replace("ab", "")
        r5 = t.replace("日本", "🙂")
        r6 = t.replace("x", "y")
        r7 = t.replace("ETA", "e", 1)
        r8 = t.replace("a", "", 0)
        acc += len(r1) + len(r2) * 3 + len(r3) * 5 + len(r4) * 7 + len(r5) + len(r6) + len(r7) + len(r8)
        last = r1 + "|" + r2 + "|" + r3 + "|" + r4 + "|" + r5 + "|" + r6 + "|" + r7
    print(acc, last)
    x = "aaa"
    print(x.replace("aaa", "b"), x.replace("a", ""), x.replace("aa", "a"))
    print("é".replace("é", "e"), "ab".replace("a", ""), "ab".replace("ab", "日"))


def searches(n):
    hay = "0123456789abcdef" * 4 + "日本語のテキスト" + "needle" + "xyz" * 10
    needles = ["needle", "日本", "テキスト", "fX", "cdef01", "xyzx", "zz", "9a", "ed", "語の"]
    acc = 0
    for i in range(n):
        h = hay[i % 20:]
        for nd in needles:
            acc += h.find(nd) + (nd in h) * 100 + h.count(nd)
    print(acc)
    print(hay.find("xyz"), hay.find("yzx"), hay.find("needlex"), hay.rfind("xyz"), hay.index("日本"))


def joins(n):
    acc = 0
    words = ["alpha", "é", "", "日本語", "🙂x", "z"]
    for i in range(n):
        ws = words[: i % 7]
        a = " ".join(ws)
        b = "".join(ws)
        c = ", ".join(ws)
        d = "日".join(ws)
        acc += len(a) + len(b) * 3 + len(c) * 5 + len(d) * 7
    print(acc, repr(a), repr(b), repr(c), repr(d))
    print(repr("".join([])), repr("-".join(["a"])), repr("".join(["a", "b"])), repr("-".join(("", ""))))
    try:
        " ".join(["a", 1])
    except TypeError as e:
        print("TypeError", e)


def splits(n):
    acc = 0
    texts = ["a,b,,c", ",", "", "日,本,語", "no sep", "é,é,é,", "a,b,,c" * 9, "日,本,語," * 7, "," * 40, "x" * 40 + ","]
    for i in range(n):
        t = texts[i % len(texts)]
        acc += len(t.split(",")) + len(t.split(",", 1)) * 3 + len(t.rsplit(",", 1)) * 5 + len(t.split())
    csv = ",".join([str(i * i % 997) for i in range(300)])
    print(sum(int(t) for t in csv.split(",")), ("日,本,語," * 7).split(","), ("," * 17).split(","))
    print(acc, "a,b,,c".split(","), "日,本,語".split(",", 1), "é,é,é,".rsplit(",", 2), " x  y ".split())
    try:
        "a".split("")
    except ValueError as e:
        print("ValueError", e)


def ints_to_strs(n):
    acc = 0
    vals = [0, 5, -5, 9, 10, 99, -99, 100, 101, 9973, -100, 1000000, 9223372036854775807, -9223372036854775808]
    for i in range(n):
        for v in vals:
            acc += len(str(v + i % 3))
        acc += len(str(i)) + len(str(-i))
    print(acc, [str(v) for v in vals])
    print(str(2 ** 70), str(-(2 ** 64)), str(9223372036854775807 + 1))


def strs_to_ints(n):
    acc = 0
    toks = ["+5", "-0", " 7 ", "1_000", "٣", "12", "-12", "0", "007", "\t42\n"]
    for i in range(n):
        for t in toks:
            acc += int(t)
    print(acc, [int(t) for t in toks])
    for bad in ["", " ", "1__0", "_1", "1_", "abc", "1.5", "--1", "+"]:
        try:
            int(bad)
            print("no error", repr(bad))
        except ValueError as e:
            print("ValueError", e)


def slices_and_chars(n):
    acc = 0
    texts = ["hello world, this is text", "日本語のテキストé🙂", "é" * 20, ""]
    for i in range(n):
        t = texts[i % len(texts)]
        a = t[::2]
        b = t[::-1]
        c = t[3:20:3]
        d = t[-1:-10:-2]
        h = 0
        for ch in t:
            h = (h * 31 + ord(ch)) % 1000003
        acc += len(a) + len(b) + len(c) + len(d) + h
    print(acc, a, b, c, d)
    print("abcdef"[::2], "abcdef"[::-1], "日本語"[::-1], "é日🙂"[::2], "ab"[5:9:2] == "")
    print([ord(c) for c in "aé日🙂"], [c for c in "é日🙂x"])


def appends(n):
    lists = []
    for i in range(n):
        out = []
        for k in range(i % 40):
            out.append(k * i)
        lists.append(out)
    print(sum(len(l) for l in lists), lists[39][-3:], lists[17], lists[0], lists[1])
    q = []
    for k in range(100):
        q.append(k)
        if k % 3 == 0:
            q.pop(0)
    print(len(q), q[:5], q[-5:])


replaces(300)
# expect: 152900 x|x|x|x|x|y|x
# expect: b  aa
# expect: e b 日
searches(300)
# expect: 358425
# expect: 78 79 72 105 64
joins(300)
# expect: 45040 'alpha é  日本語 🙂x' 'alphaé日本語🙂x' 'alpha, é, , 日本語, 🙂x' 'alpha日é日日日本語日🙂x'
# expect: '' 'a' 'ab' '-'
# expect: TypeError sequence item 1: expected str instance, int found
splits(300)
# expect: 145558 ['日', '本', '語', '日', '本', '語', '日', '本', '語', '日', '本', '語', '日', '本', '語', '日', '本', '語', '日', '本', '語', ''] ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '']
# expect: 7860 ['a', 'b', '', 'c'] ['日', '本,語'] ['é,é', 'é', ''] ['x', 'y']
# expect: ValueError empty separator
ints_to_strs(300)
# expect: 23679 ['0', '5', '-5', '9', '10', '99', '-99', '100', '101', '9973', '-100', '1000000', '9223372036854775807', '-9223372036854775808']
# expect: 1180591620717411303424 -18446744073709551616 9223372036854775808
strs_to_ints(300)
# expect: 319200 [5, 0, 7, 1000, 3, 12, -12, 0, 7, 42]
# expect: ValueError invalid literal for int() with base 10: ''
# expect: ValueError invalid literal for int() with base 10: ' '
# expect: ValueError invalid literal for int() with base 10: '1__0'
# expect: ValueError invalid literal for int() with base 10: '_1'
# expect: ValueError invalid literal for int() with base 10: '1_'
# expect: ValueError invalid literal for int() with base 10: 'abc'
# expect: ValueError invalid literal for int() with base 10: '1.5'
# expect: ValueError invalid literal for int() with base 10: '--1'
# expect: ValueError invalid literal for int() with base 10: '+'
slices_and_chars(300)
# expect: 108392925    
# expect: ace fedcba 語本日 é🙂 True
# expect: [97, 233, 26085, 128578] ['é', '日', '🙂', 'x']
appends(300)
# expect: 5650 [1404, 1443, 1482] [0, 17, 34, 51, 68, 85, 102, 119, 136, 153, 170, 187, 204, 221, 238, 255, 272] [] [0]
# expect: 66 [34, 35, 36, 37, 38] [95, 96, 97, 98, 99]
