# str.find in hot loops (a typed path that runs no code): positions past the
# end, negative starts, empty and missing needles, non-ASCII text (indices
# count characters), and arguments whose types change mid-loop.
def scan(text, needle):
    out = []
    pos = 0
    while True:
        at = text.find(needle, pos)
        if at < 0:
            break
        out.append(at)
        pos = at + 1
    return out


def variety(n):
    texts = ["abcabc", "héllo wörld ö", "", "aaaa"]
    total = []
    for i in range(n):
        t = texts[i % 4]
        total.append(t.find("a"))
        total.append(t.find("ö", i % 7 - 3))
        total.append(t.find("", i % 9))
        total.append(t.find("c", -2))
    return total[-12:], sum(total)


def changing(n):
    out = []
    for i in range(n):
        sub = "b" if i < 30 else ("bc" if i < 45 else (None if i < 50 else "c"))
        try:
            out.append("abcabc".find(sub, i % 4 if i < 50 else True))
        except TypeError as e:
            out.append(str(e)[:20])
    return out[25:35], out[44:52], out[-2:]


print(scan('{"a": "x", "bb": "yy", "ccc": "zzz"}' * 3, '"'))
print(variety(100))
print(changing(60))
# expect: [1, 3, 6, 8, 11, 14, 17, 20, 23, 27, 30, 34, 37, 39, 42, 44, 47, 50, 53, 56, 59, 63, 66, 70, 73, 75, 78, 80, 83, 86, 89, 92, 95, 99, 102, 106]
# expect: ([-1, 7, 7, -1, -1, -1, -1, -1, 0, -1, 0, -1], 299)
# expect: ([1, 4, 4, 1, 1, 4, 4, 1, 1, 4], [1, 'must be str, not Non', 'must be str, not Non', 'must be str, not Non', 'must be str, not Non', 'must be str, not Non', 2, 2], [2, 2])
