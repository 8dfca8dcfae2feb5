# Formatting errors are ValueError/TypeError; the last one is uncaught.
try:
    print("{:d}".format("abc"))
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: Unknown format code 'd' for object of type 'str'
try:
    print("%d" % "abc")
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: %d format: a real number is required, not str
try:
    print("%s %s" % ("only one",))
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: not enough arguments for format string
try:
    print("{} {}".format(1))
except IndexError as error:
    print("IndexError:", error)  # expect: IndexError: Replacement index 1 out of range for positional args tuple
print("%s" % "ok")  # expect: ok
print("%d %d" % (1, 2, 3))
# expect-error: TypeError: not all arguments converted during string formatting
