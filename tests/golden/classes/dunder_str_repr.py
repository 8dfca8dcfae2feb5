# __str__ and __repr__ in print, str(), repr(), containers and f-strings.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

p = Point(1, 2)
print(p, str(p), repr(p))  # expect: (1, 2) (1, 2) Point(1, 2)
print([p, Point("a", 3)])  # expect: [Point(1, 2), Point('a', 3)]
print(f"{p} {p!r}")  # expect: (1, 2) Point(1, 2)
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])  # expect: <OnlyRepr> <OnlyRepr> [<OnlyRepr>]
print({"k": p}, (p,))  # expect: {'k': Point(1, 2)} (Point(1, 2),)
print("%s %r" % (p, p))  # expect: (1, 2) Point(1, 2)
print("{} {!r}".format(p, p))  # expect: (1, 2) Point(1, 2)
