# Unpacking errors: too many and too few values.
try:
    a, b = [1, 2, 3]
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: too many values to unpack (expected 2)
try:
    a, *b, c = [1]
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: not enough values to unpack (expected at least 2, got 1)
try:
    a, b = 5
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: cannot unpack non-iterable int object
x, y, z = (1, 2)
# expect-error: ValueError: not enough values to unpack (expected 3, got 2)
