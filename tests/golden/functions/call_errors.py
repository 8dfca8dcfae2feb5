# Calling with wrong arguments is a TypeError; the last is uncaught.
def two(a, b):
    return a + b
try:
    two(1)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: two() missing 1 required positional argument: 'b'
try:
    two(1, 2, 3)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: two() takes 2 positional arguments but 3 were given
try:
    two(1, a=2)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: two() got multiple values for argument 'a'
try:
    5()
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: 'int' object is not callable
print(two(b=1, a=2))  # expect: 3
two(1, c=3)
# expect-error: TypeError: two() got an unexpected keyword argument 'c'
