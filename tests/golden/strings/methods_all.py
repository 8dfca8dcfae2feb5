# Every str method on ordinary inputs, plus str.format fields, maketrans/translate and unbound dunders.
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), s.strip(" Hd"))  # expect: Hello, World Hello, World     Hello, World ello, Worl
print("a,b,,c".split(","), "a b  c ".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))  # expect: ['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b,c'] ['a,b', 'c']
print(" x y z ".split(None, 1), " x y z ".rsplit(maxsplit=1))  # expect: ['x', 'y z '] [' x y', 'z']
print("l1\nl2\r\nl3".splitlines(), "l1\nl2\n".splitlines(True))  # expect: ['l1', 'l2', 'l3'] ['l1\n', 'l2\n']
print("-".join(["a", "b", "c"]), "".join(x for x in "xyz"), ", ".join(map(str, range(5))))  # expect: a-b-c xyz 0, 1, 2, 3, 4
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".find("l", 3), "hello".index("e"), "hello".rindex("l"))  # expect: 2 3 -1 3 1 3
print("banana".count("a"), "banana".count("an", 2), "banana".replace("a", "o"), "banana".replace("a", "o", 2))  # expect: 3 1 bonono bonona
print("hello".startswith("he"), "hello".endswith(("x", "lo")), "hello".startswith("l", 2))  # expect: True True True
print("hEllo wORLD".upper(), "hEllo wORLD".lower(), "hEllo wORLD".capitalize(), "hEllo wORLD".title(), "hEllo wORLD".swapcase(), "Straße".casefold())  # expect: HELLO WORLD hello world Hello world Hello World HeLLO World strasse
print("123".isdigit(), "12a".isalnum(), "abc".isalpha(), " \t".isspace(), "Abc".istitle(), "ABC".isupper(), "abc".islower(), "x1".isidentifier(), "".isdigit())  # expect: True True True True True True True True False
print("[" + "ab".center(7) + "]", "[" + "ab".ljust(5, "*") + "]", "[" + "ab".rjust(5, "-") + "]", "-42".zfill(6), "7".zfill(3))  # expect: [   ab  ] [ab***] [---ab] -00042 007
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))  # expect: ('a', '=', 'b=c') ('a=b', '=', 'c') ('abc', '', '')
print("a\tbc\td".expandtabs(), "a\tb".expandtabs(4))  # expect: a       bc      d a   b
print("prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"))  # expect: body body
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "{name} is {age}".format(name="Bob", age=30))  # expect: 1 + 2 = 3 aba Bob is 30
print("{:>8}|{:<6}|{:^7}|".format("r", "l", "c"), "{:08.3f}".format(3.14159), "{0!r} {0!s}".format("x"), "{:,}".format(1234567))  # expect:        r|l     |   c   | 0003.142 'x' x 1,234,567
print("{0[0]} {0[1]} {1[k]}".format([5, 6], {"k": "v"}), "{:{w}.{p}f}".format(2.71828, w=10, p=2))  # expect: 5 6 v       2.72
class P:
    def __init__(self): self.x = 3
print("{0.x} {p.x}".format(P(), p=P()))  # expect: 3 3
print("{a}-{b}".format_map({"a": 1, "b": 2}))  # expect: 1-2
print("{{literal}} {}".format(5))  # expect: {literal} 5
print(str.upper("abc"), "abc".__len__(), "b" in "abc", "abc".__contains__("z"), "abc"[1], "abc".__getitem__(-1))  # expect: ABC 3 True False b c
print(len("héllo"), "héllo".upper(), "héllo".find("l"), "héllo"[1])  # expect: 5 HÉLLO 2 é
t = str.maketrans("abc", "xyz")
print("aabbcc".translate(t), "hello".translate(str.maketrans("", "", "l")), "abc".translate({97: "AA", 98: None}))  # expect: xxyyzz heo AAc
print("abc".__add__("d"), "ab".__mul__(3), "a".__eq__("a"), "a".__lt__("b"), "a".__eq__(1))  # expect: abcd ababab True True NotImplemented
print(sorted(["b", "a", "C"], key=str.lower), list(map(str.strip, [" a ", "b "])))  # expect: ['a', 'b', 'C'] ['a', 'b']
print("%s-%d" % ("x", 5), "abc".__mod__(()))  # expect: x-5 abc
