# repr() of strings chooses quotes and escapes non-printables.
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))  # expect: 'plain' "it's" 'say "hi"' 'both \' and "'
print(repr("tab\tnl\ncr\r"), repr("\\"), repr("\x00\x7f"), repr("\x1b"))  # expect: 'tab\tnl\ncr\r' '\\' '\x00\x7f' '\x1b'
print(repr("é中"), repr("\u200b"), repr(""))  # expect: 'é中' '\u200b' ''
print(str("x"), [ "a", "b'c" ], ("q",))  # expect: x ['a', "b'c"] ('q',)
print({"k": "v"})  # expect: {'k': 'v'}
print(repr(repr("a")))  # expect: "'a'"
print("%r" % "x", "%s" % "x")  # expect: 'x' x
print(f"{'y'!r}", f"{'y'!s}")  # expect: 'y' y
