# tern-only
# Subclassing a builtin type other than object or an exception is rejected
# when the class is created (it would otherwise behave differently from CPython).
class Stack:
    pass

print("user classes are fine")
class Numbers(list):
    pass
# expect: user classes are fine
# expect-error: NotImplementedError: subclassing the builtin type 'list' is not supported by tern
