# s.find(c, start) of a one-character needle at every distance from the
# start (the sixteen-byte scans and the tail), past the end, from negative
# starts, absent, and in non-ASCII text.


def main():
    total = 0
    found = []
    for n in range(0, 70):
        text = "abcdefg" * 10
        text = text[:n] + '"' + text[n:] + '"'
        for start in (0, 1, 5, 16, 31, 32, 33, 200, -1, -3, -80):
            i = text.find('"', start)
            total += i * 3 + start
            if start == 0:
                found.append(i)
    print(total, found[::5])
    print("abc".find("z", 0), "".find('"', 0), "a".find("a", 1), "ab".find("b", -1))
    long = "x" * 100 + "y"
    print(long.find("y", 0), long.find("y", 60), long.find("y", 101), long.find("q", 3))
    print("héllo wörld".find("w", 0), "日本語のテキスト".find("の", 1), ("aé" * 20).find("b", 2))


main()
# expect: 124221 [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65]
# expect: -1 -1 -1 1
# expect: 100 100 -1 -1
# expect: 6 3 -1
