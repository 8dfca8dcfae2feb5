# Unsupported operand types raise TypeError.
def combine(a, b):
    return a + b

print(combine(1, 2))  # expect: 3
print(combine("a", "b"))  # expect: ab
print(combine([1], "b"))
# expect-error: TypeError: can only concatenate list (not "str") to list
