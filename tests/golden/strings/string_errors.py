# Strings are immutable: item assignment is a TypeError.
s = "hello"
print(s.upper())  # expect: HELLO
try:
    s + 5
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: can only concatenate str (not "int") to str
try:
    int("12x")
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: invalid literal for int() with base 10: '12x'
try:
    "abc".index("z")
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: substring not found
s[0] = "j"
# expect-error: TypeError: 'str' object does not support item assignment
