# str.join with items and separators of every short length (the word-at-a-
# time copies), empty items, non-ASCII text, one item, and big joins.


def lengths():
    texts = ["", "a", "bc", "def", "ghij", "klmno", "pqrstu", "vwxyzAB", "CDEFGHIJ", "KLMNOPQRS",
             "0123456789abcdefg", "é", "日本", "a😀b"]
    seps = ["", ",", ", ", "-=-", "12345678", "123456789", "·", " → "]
    out = []
    for sep in seps:
        for i in range(len(texts)):
            for j in range(len(texts)):
                s = sep.join([texts[i], texts[j], texts[(i + j) % len(texts)]])
                out.append(len(s))
                if i == j:
                    out.append(s)
    return out


def main():
    got = lengths()
    print(sum(x for x in got if isinstance(x, int)))
    print([x for x in got if isinstance(x, str)][::7])
    print(repr("".join([])), repr("x".join([])), repr(",".join(["only"])), repr(",".join([""])))
    print(repr(",".join(["", ""])), repr("".join(["", "a", ""])), repr("ab".join(["", ""])))
    print("".join(("t", "u", "p", "l", "e")), "-".join(("é", "ü")), len("→".join(["a"] * 5)))
    # One-character results are shared strs, two-character ones are not.
    print("".join(["a", ""]) == "a", "".join(["", "b", "c"]))
    big = ",".join([str(i) for i in range(20000)])
    print(len(big), big[:30], big[-30:], big.count(","))
    wide = "".join(["ab" * k for k in range(300)])
    print(len(wide), wide[-5:])
    lines = []
    for i in range(2000):
        words = ["w" * (i % 11), str(i), "é" * (i % 3), "x"]
        lines.append(" ".join(words))
    text = "\n".join(lines)
    print(len(text), text[-40:].replace("\n", "|"))
    try:
        ",".join(["a", 1])
    except TypeError as e:
        print("TypeError", e)


main()
# expect: 33432
# expect: ['', 'vwxyzABvwxyzAB', ',,', 'vwxyzAB,vwxyzAB,', ', , ', 'vwxyzAB, vwxyzAB, ', '-=--=-', 'vwxyzAB-=-vwxyzAB-=-', '1234567812345678', 'vwxyzAB12345678vwxyzAB12345678', '123456789123456789', 'vwxyzAB123456789vwxyzAB123456789', '··', 'vwxyzAB·vwxyzAB·', ' →  → ', 'vwxyzAB → vwxyzAB → ']
# expect: '' '' 'only' ''
# expect: ',' 'a' 'ab'
# expect: tuple é-ü 9
# expect: True bc
# expect: 108889 0,1,2,3,4,5,6,7,8,9,10,11,12,1 ,19995,19996,19997,19998,19999 19999
# expect: 89700 babab
# expect: 28879 7 éé x|wwwwwww 1998  x|wwwwwwww 1999 é x
# expect: TypeError sequence item 1: expected str instance, int found
