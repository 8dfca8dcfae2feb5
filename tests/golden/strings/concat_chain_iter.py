# Chained str concatenation (a + b + c built at once when the intermediate
# only passes through a temporary) and `for ch in s` stepping a str's
# characters, in hot loops: ASCII, non-ASCII, empty and one-character
# parts, intermediates kept in locals, self-concatenation, iterators
# held by Python code, and a loop whose iterator changes from a str's to
# a list's.


def quote_all(items):
    out = []
    for v in items:
        out.append('"' + v + '"')
    return out


def pairs(keys, vals):
    out = []
    for i in range(len(keys)):
        k = keys[i]
        out.append('"' + k + '": ' + vals[i % len(vals)] + "!")
    return out


def kept(parts):
    # The intermediate is a local read again later: it must not be dropped.
    out = []
    for p in parts:
        mid = p + "-"
        whole = mid + p
        out.append(whole + "|" + mid)
    return out


def twice(parts):
    out = []
    for p in parts:
        t = p + p
        out.append(t + t)
    return out


def lengths(parts):
    total = 0
    for p in parts:
        s = "<" + p + ">" + p + "<" + p
        total += len(s)
    return total


words = ["", "a", "ka", "1234567", "12345678", "123456789", "é", "日本語", "a😀b", "x" * 30]
print(len(quote_all(words * 10)), quote_all(words)[:4], quote_all(words)[-4:])  # expect: 100 ['""', '"a"', '"ka"', '"1234567"'] ['"é"', '"日本語"', '"a😀b"', '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"']
print(pairs(words * 5, ["1", "", "ü", "long value here"])[-10:])  # expect: ['"": 1!', '"a": !', '"ka": ü!', '"1234567": long value here!', '"12345678": 1!', '"123456789": !', '"é": ü!', '"日本語": long value here!', '"a😀b": 1!', '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": !']
print(kept(words * 6)[-10:])  # expect: ['-|-', 'a-a|a-', 'ka-ka|ka-', '1234567-1234567|1234567-', '12345678-12345678|12345678-', '123456789-123456789|123456789-', 'é-é|é-', '日本語-日本語|日本語-', 'a😀b-a😀b|a😀b-', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-']
print(twice(words * 6)[-10:])  # expect: ['', 'aaaa', 'kakakaka', '1234567123456712345671234567', '12345678123456781234567812345678', '123456789123456789123456789123456789', 'éééé', '日本語日本語日本語日本語', 'a😀ba😀ba😀ba😀b', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
print(lengths(words * 20))  # expect: 4440


def char_codes(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000003
    return h


def count_upper(texts):
    n = 0
    for t in texts:
        for ch in t:
            if "A" <= ch <= "Z":
                n += 1
    return n


print(char_codes("hello world " * 20), char_codes(""), char_codes("é日本語" * 10))  # expect: 366733 0 520737
print(count_upper(["Hello", "", "WORLD", "mixed CASE é", "Ünïcode Ä"] * 30))  # expect: 300


def held_iterator(s):
    it = iter(s)
    first = next(it)
    rest = []
    for ch in it:
        rest.append(ch)
    more = list(it)
    return first, "".join(rest), more


print(held_iterator("abcdefghij" * 10)[0], len(held_iterator("abcdefghij" * 10)[1]))  # expect: a 99
print(held_iterator("xyz"))  # expect: ('x', 'yz', [])


def mixed(seqs):
    out = []
    for s in seqs:
        it = iter(s)
        for x in it:
            out.append(x)
    return len(out), out[-6:]


print(mixed(["abc", "defg"] * 30 + [[1, 2, 3], (4, 5), "hi", [6]] * 10))  # expect: (290, [3, 4, 5, 'h', 'i', 6])
