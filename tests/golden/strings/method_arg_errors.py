# str methods reject bad arguments with CPython's exception types and messages.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: "a".find(1))  # expect: TypeError: must be str, not int
t(lambda: "a".split(1))  # expect: TypeError: must be str or None, not int
t(lambda: "a".split(""))  # expect: ValueError: empty separator
t(lambda: "a".strip(1))  # expect: TypeError: strip arg must be None or str
t(lambda: "a".replace(1, "x"))  # expect: TypeError: replace() argument 1 must be str, not int
t(lambda: "a".startswith(1))  # expect: TypeError: startswith first arg must be str or a tuple of str, not int
t(lambda: "a".startswith(("a", 1)))  # expect: True
t(lambda: "a".center(5, "xy"))  # expect: TypeError: The fill character must be exactly one character long
t(lambda: "a".center("5"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
t(lambda: ",".join([1, 2]))  # expect: TypeError: sequence item 0: expected str instance, int found
t(lambda: ",".join(5))  # expect: TypeError: can only join an iterable
t(lambda: "a".index("b"))  # expect: ValueError: substring not found
t(lambda: "a".partition(""))  # expect: ValueError: empty separator
t(lambda: "{} {}".format(1))  # expect: IndexError: Replacement index 1 out of range for positional args tuple
t(lambda: "{0} {}".format(1, 2))  # expect: ValueError: cannot switch from manual field specification to automatic field numbering
t(lambda: "{x}".format(y=1))  # expect: KeyError: 'x'
t(lambda: "{0.nope}".format(1))  # expect: AttributeError: 'int' object has no attribute 'nope'
t(lambda: "{:d}".format("s"))  # expect: ValueError: Unknown format code 'd' for object of type 'str'
t(lambda: "{".format())  # expect: ValueError: Single '{' encountered in format string
t(lambda: "}".format())  # expect: ValueError: Single '}' encountered in format string
t(lambda: "{!x}".format(1))  # expect: ValueError: Unknown conversion specifier x
t(lambda: "{0}".format_map({}))  # expect: ValueError: Format string contains positional fields
t(lambda: str.upper())  # expect: TypeError: unbound method str.upper() needs an argument
t(lambda: str.upper(5))  # expect: TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
t(lambda: "a".upper(1))  # expect: TypeError: str.upper() takes no arguments (1 given)
t(lambda: "a".find())  # expect: TypeError: find() takes at least 1 argument (0 given)
t(lambda: "abc".removeprefix(3))  # expect: TypeError: removeprefix() argument must be str, not int
t(lambda: "a".zfill(2.5))  # expect: TypeError: 'float' object cannot be interpreted as an integer
t(lambda: "a".count("a", "x"))  # expect: TypeError: slice indices must be integers or None or have an __index__ method
t(lambda: "abc".find("c", None, None))  # expect: 2
t(lambda: "a b c".split(maxsplit=1))  # expect: ['a', 'b c']
t(lambda: "{:>{}}".format("x", 4))  # expect: '   x'
t(lambda: "{0:{1}}".format(3.5, "^9"))  # expect: '   3.5   '
t(lambda: "{!a}".format("é"))  # expect: "'\\xe9'"
t(lambda: "x".format_map(1))  # expect: 'x'
t(lambda: "{k}".format_map({"k": [1]}))  # expect: '[1]'
