# tern-only
# Classes have single inheritance in Tern: a second base is rejected when the class is created.
class Left:
    pass

class Right:
    pass

print("before the class statement")
class Both(Left, Right):
    pass
# expect: before the class statement
# expect-error: NotImplementedError: multiple inheritance is not supported by tern
