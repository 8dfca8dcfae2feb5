# strip family, padding, zfill, expandtabs, removeprefix/suffix.
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))  # expect: 'padded text' 'padded text \t\n' '   padded text'
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "--a--".lstrip("-"), "--a--".rstrip("-"))  # expect: hi HI a-- --a
print(repr("hi".center(8)), repr("hi".center(7, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))  # expect: '   hi   ' '***hi**' 'hi...' '   hi'
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))  # expect: 00042 -00042 +007 abc
print("a\tb\tc".expandtabs(4), "12\t3".expandtabs())  # expect: a   b   c 12      3
print("prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"), "x".removeprefix("y"))  # expect: body body x
print(repr("".strip()), repr("   ".strip()))  # expect: '' ''
for word in ("a", "bb", "ccc"):
    print(word.rjust(4, "-") + "|" + word.ljust(4, "-"))
    # expect: ---a|a---
    # expect: --bb|bb--
    # expect: -ccc|ccc-
