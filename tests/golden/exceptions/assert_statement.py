# assert passes silently, raises AssertionError with or without a message.
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2
except AssertionError as error:
    print("AssertionError", repr(error))  # expect: AssertionError AssertionError()
try:
    assert [] , "empty list is falsy"
except AssertionError as error:
    print("AssertionError:", error)  # expect: AssertionError: empty list is falsy
def check(x):
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    return x * 2
print(check(4))  # expect: 8
try:
    check("4")
except AssertionError as error:
    print(error)  # expect: expected int, got str
