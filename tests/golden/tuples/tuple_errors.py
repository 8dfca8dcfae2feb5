# Tuple errors: wrong unpack count and index out of range.
t = (1, 2, 3)
try:
    a, b = t
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: too many values to unpack (expected 2)
try:
    a, b, c, d = t
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: not enough values to unpack (expected 4, got 3)
try:
    t.index(9)
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: tuple.index(x): x not in tuple
print(t[5])
# expect-error: IndexError: tuple index out of range
