# Polymorphic call sites: one loop calls the same method names on objects of
# 5 shape classes (plus an 8-class megamorphic site and inherited methods).
# Stresses: method lookup and inline caches under polymorphism, attribute
# reads at sites that see many object layouts.


class Shape:
    def __init__(self, scale):
        self.scale = scale

    def describe(self):
        return self.kind() * 3 + self.scale

    def kind(self):
        return 0


class Circle(Shape):
    def __init__(self, r, scale):
        Shape.__init__(self, scale)
        self.r = r

    def area(self):
        return 3 * self.r * self.r

    def kind(self):
        return 1


class Square(Shape):
    def __init__(self, side, scale):
        Shape.__init__(self, scale)
        self.side = side

    def area(self):
        return self.side * self.side

    def kind(self):
        return 2


class Rect(Shape):
    def __init__(self, w, h, scale):
        Shape.__init__(self, scale)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def kind(self):
        return 3


class Triangle(Shape):
    def __init__(self, b, h, scale):
        Shape.__init__(self, scale)
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2


class Hexagon(Shape):
    def __init__(self, s, scale):
        self.s = s
        Shape.__init__(self, scale)

    def area(self):
        return 5 * self.s * self.s // 2

    def kind(self):
        return 6


class Op0:
    def apply(self, x):
        return x + 1


class Op1:
    def apply(self, x):
        return x * 3


class Op2:
    def apply(self, x):
        return x - 7


class Op3:
    def apply(self, x):
        return x ^ 5


class Op4:
    def apply(self, x):
        return x // 2 + 3


class Op5:
    def apply(self, x):
        return x % 1000 + 11


class Op6(Op1):
    pass


class Op7(Op2):
    def apply(self, x):
        return Op2.apply(self, x) + 2


def make_shapes(n):
    shapes = []
    for i in range(n):
        k = i % 5
        if k == 0:
            shapes.append(Circle(i % 7 + 1, i % 3))
        elif k == 1:
            shapes.append(Square(i % 9 + 1, i % 4))
        elif k == 2:
            shapes.append(Rect(i % 5 + 1, i % 6 + 2, i % 2))
        elif k == 3:
            shapes.append(Triangle(i % 8 + 2, i % 3 + 4, i % 5))
        else:
            shapes.append(Hexagon(i % 4 + 1, i % 7))
    return shapes


def total_area(shapes):
    total = 0
    for s in shapes:
        total += s.area() * s.scale + s.describe()
    return total


def run_ops(ops, rounds):
    x = 1
    for _ in range(rounds):
        for op in ops:
            x = op.apply(x) % 1000003
    return x


def main():
    shapes = make_shapes(1000)
    checksum = 0
    for rnd in range(1000):
        checksum = (checksum * 7 + total_area(shapes) + rnd) % 1000000007
    ops = [Op0(), Op1(), Op2(), Op3(), Op4(), Op5(), Op6(), Op7()]
    print("polymorphic", checksum, run_ops(ops, 60000))


main()
