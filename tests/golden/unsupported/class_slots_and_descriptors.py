# tern-only
# Class features Tern does not implement are refused when the class is created,
# never silently ignored: here __slots__.
class Point:
    def __init__(self, x):
        self.x = x

print(Point(3).x)
class Fixed:
    __slots__ = ("x", "y")
# expect: 3
# expect-error: NotImplementedError: defining __slots__ in a class is not supported by tern
