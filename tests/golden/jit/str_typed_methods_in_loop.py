# str methods on typed paths in hot loops (split, join, replace, upper, lower,
# strip, startswith, endswith, `in`, find, slices with steps): non-ASCII text,
# empty strings, separators and arguments whose types change mid-loop (the
# full method then runs and raises as CPython does), receivers that change
# from str to list.
def methods(n):
    texts = ["alpha beta  gamma", "", "héllo,wörld,ö", "  padded\t", "a,b,,c,"]
    out = []
    for i in range(n):
        t = texts[i % 5]
        out.append(t.split())
        out.append(t.split(","))
        out.append(t.split("ö"))
        out.append("-".join(t.split(",")))
        out.append(t.replace(",", ";"))
        out.append(t.replace("l", ""))
        out.append(t.replace("", "|"))
        out.append(t.upper() + t.lower())
        out.append(t.strip() + "|" + t.lstrip() + "|" + t.rstrip())
        out.append(t.startswith("al") or t.endswith("ö") or t.startswith(""))
        out.append("ö" in t or "beta" in t or "" in t)
        out.append(t.find("l") + t.find("wö"))
    return len(out), out[-12:], out[:12]


def slices(n):
    words = ["abcdefgh", "", "héllo wörld", "xy"]
    out = []
    for i in range(n):
        w = words[i % 4]
        out.append(w[::-1])
        out.append(w[1:7:2])
        out.append(w[-1:-6:-2])
        out.append(w[::3])
        out.append(w[100::-1])
        lst = list(w)
        out.append(lst[::-2])
        out.append(tuple(lst)[1::2])
    return out[-14:]


def changing(n):
    out = []
    for i in range(n):
        sep = "," if i < 30 else (None if i < 40 else ("" if i < 45 else 5))
        try:
            out.append("a,b c".split(sep))
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__ + ": " + str(e))
        parts = ["x", "y"] if i < 45 else ["x", i]
        try:
            out.append("+".join(parts))
        except TypeError as e:
            out.append(str(e))
        prefix = "a" if i < 48 else ("a", "z")
        try:
            out.append("abc".startswith(prefix))
        except TypeError as e:
            out.append(str(e))
        new = "Z" if i < 50 else 3
        try:
            out.append("abc".replace("b", new))
        except TypeError as e:
            out.append(str(e))
    return out[116:124], out[156:164], out[176:184], out[-8:]


def receiver_changes(n):
    things = ["a:b:c"] * 30 + [["a", "b", "c"]] * 10
    out = []
    for i in range(n):
        x = things[i % 40]
        out.append(x[::-1])
        out.append(x[0:2])
        try:
            out.append(x.split(":"))
        except AttributeError as e:
            out.append(str(e))
    return out[85:96]


def errors():
    s = "abc"
    for i in range(60):
        step = 1 if i < 50 else 0
        try:
            s[::step]
        except ValueError as e:
            return i, str(e)


print(methods(60))  # expect: (720, [['a,b,,c,'], ['a', 'b', '', 'c', ''], ['a,b,,c,'], 'a-b--c-', 'a;b;;c;', 'a,b,,c,', '|a|,|b|,|,|c|,|', 'A,B,,C,a,b,,c,', 'a,b,,c,|a,b,,c,|a,b,,c,', True, True, -2], [['alpha', 'beta', 'gamma'], ['alpha beta  gamma'], ['alpha beta  gamma'], 'alpha beta  gamma', 'alpha beta  gamma', 'apha beta  gamma', '|a|l|p|h|a| |b|e|t|a| | |g|a|m|m|a|', 'ALPHA BETA  GAMMAalpha beta  gamma', 'alpha beta  gamma|alpha beta  gamma|alpha beta  gamma', True, True, 0])
print(slices(40))  # expect: ['dlröw olléh', 'él ', 'drw', 'hlwl', 'dlröw olléh', ['d', 'r', 'w', 'o', 'l', 'h'], ('é', 'l', ' ', 'ö', 'l'), 'yx', 'y', 'y', 'x', 'yx', ['y'], ('y',)]
print(changing(60))  # expect: ([['a', 'b c'], 'x+y', True, 'aZc', ['a,b', 'c'], 'x+y', True, 'aZc'], [['a,b', 'c'], 'x+y', True, 'aZc', 'ValueError: empty separator', 'x+y', True, 'aZc'], ['ValueError: empty separator', 'x+y', True, 'aZc', 'TypeError: must be str or None, not int', 'sequence item 1: expected str instance, int found', True, 'aZc'], ['TypeError: must be str or None, not int', 'sequence item 1: expected str instance, int found', True, 'replace() argument 2 must be str, not int', 'TypeError: must be str or None, not int', 'sequence item 1: expected str instance, int found', True, 'replace() argument 2 must be str, not int'])
print(receiver_changes(40))  # expect: ['a:', ['a', 'b', 'c'], 'c:b:a', 'a:', ['a', 'b', 'c'], ['c', 'b', 'a'], ['a', 'b'], "'list' object has no attribute 'split'", ['c', 'b', 'a'], ['a', 'b'], "'list' object has no attribute 'split'"]
print(errors())  # expect: (50, 'slice step cannot be zero')
