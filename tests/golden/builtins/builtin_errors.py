# Builtins reject wrong argument types with TypeError.
try:
    len(5)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: object of type 'int' has no len()
try:
    abs("x")
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: bad operand type for abs(): 'str'
try:
    sum(["a", "b"])
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
try:
    sorted([1, "a"])
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: '<' not supported between instances of 'str' and 'int'
try:
    iter(5)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: 'int' object is not iterable
print(len([]))  # expect: 0
next([1, 2])
# expect-error: TypeError: 'list' object is not an iterator
