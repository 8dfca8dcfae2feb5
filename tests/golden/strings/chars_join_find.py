# One-character strs from indexing and iterating ASCII and non-ASCII text,
# joins of short and long parts, and substring search with short needles.


def chars():
    texts = ["plain ascii", "café ünïcode ☃ ok", "", "x", "日本語テキスト"]
    out = []
    for t in texts:
        seen = []
        for ch in t:
            seen.append(ch)
        for i in range(len(t)):
            if t[i] != seen[i]:
                out.append("mismatch")
        out.append("|".join(seen))
        out.append(str(sum(ord(c) for c in t)))
    print(out)
    try:
        print("abc"[3])
    except IndexError as e:
        print("IndexError", e)


def joins():
    total = 0
    for i in range(300):
        parts = [str(j) * (j % 20) for j in range(i % 30)]
        s = ", ".join(parts)
        total += len(s) + s.count("7")
        t = "".join([chr(97 + j % 26) for j in range(i % 40)])
        total += len(t)
    print(total)
    print("-".join(["é", "ab", "", "cdefghijklmnopqrstuvwxyz", "☃"]))
    print("".join(["a"]), "".join([]), "ab".join(["x", "y"]))


def finds():
    hay = "abcabdabcabeabcabcabfxyzzyabcabcabd-éa-xy" * 3
    needles = ["ab", "abd", "abcabd", "abcabcab", "xyzzy", "éa", "-x", "yx", "zzz", "abcabcabd"]
    res = []
    for n in needles:
        for start in range(0, len(hay), 7):
            res.append(hay.find(n, start))
        res.append(n in hay)
        res.append(hay.replace(n, "#").count("#"))
    print(res)


chars()
# expect: ['p|l|a|i|n| |a|s|c|i|i', '1085', 'c|a|f|é| |ü|n|ï|c|o|d|e| |☃| |o|k', '11588', '', '0', 'x', '120', '日|本|語|テ|キ|ス|ト', '137891']
# expect: IndexError string index out of range
joins()
# expect: 70490
# expect: é-ab--cdefghijklmnopqrstuvwxyz-☃
# expect: a  xaby
finds()  # expect: [0, 9, 15, 26, 29, 41, 44, 50, 56, 67, 70, 82, 85, 91, 100, 108, 114, -1, True, 30, 3, 32, 32, 32, 32, 44, 44, 73, 73, 73, 73, 85, 85, 114, 114, 114, 114, -1, True, 6, 0, 29, 29, 29, 29, 41, 70, 70, 70, 70, 70, 82, 111, 111, 111, 111, -1, -1, True, 6, 12, 12, 26, 26, 53, 53, 53, 53, 67, 67, 94, 94, 94, 94, 108, 108, -1, -1, True, 6, 21, 21, 21, 21, 62, 62, 62, 62, 62, 103, 103, 103, 103, 103, 103, -1, -1, -1, True, 3, 36, 36, 36, 36, 36, 36, 77, 77, 77, 77, 77, 77, 118, 118, 118, 118, 118, -1, True, 3, 38, 38, 38, 38, 38, 38, 79, 79, 79, 79, 79, 79, 120, 120, 120, 120, 120, 120, True, 3, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, False, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, False, 0, 26, 26, 26, 26, 67, 67, 67, 67, 67, 67, 108, 108, 108, 108, 108, 108, -1, -1, True, 3]
