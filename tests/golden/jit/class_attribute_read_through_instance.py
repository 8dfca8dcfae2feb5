# `self.x` where `x` is a class attribute (the instance lacks it): a trace
# reads it as a constant behind the instance's map guard and the class's
# version guard. Every way the answer can change mid-loop must be seen: the
# class or a base rebinding it, the instance shadowing it, the value changing
# type, the attribute deleted, or replaced by a method or a property. Reads
# on the class object itself (`Base.factor`, `Base.scaled(obj, x)`) are
# constants behind guards on the class and its version.


class Base:
    factor = 2
    label = "b"


class Child(Base):
    def __init__(self):
        self.n = 0

    def scaled(self, x):
        return x * self.factor


def run(obj, n, change):
    total = 0
    for i in range(n):
        if i == 50:
            change(obj)
        total += obj.scaled(i)
    return total


def rebind_base(obj):
    Base.factor = 3


def rebind_child(obj):
    Child.factor = 5


def shadow(obj):
    obj.factor = 7


def to_float(obj):
    Child.factor = 0.5


def to_big(obj):
    Child.factor = 2**70


print(run(Child(), 100, rebind_base))  # expect: 13625
print(run(Child(), 100, rebind_child))  # expect: 22300
print(run(Child(), 100, shadow))  # expect: 32200
print(run(Child(), 100, to_float))  # expect: 7987.5
print(run(Child(), 100, to_big))  # expect: 4.397703787172357e+24
del Child.factor
Base.factor = 2


def labels(obj, n):
    out = []
    for i in range(n):
        if i == 30:
            Base.label = "B"
        if i == 60:
            Child.label = None
        out.append(obj.label)
    return out


ls = labels(Child(), 90)
print(ls[28:32], ls[58:62])  # expect: ['b', 'b', 'B', 'B'] ['B', 'B', None, None]

errors = 0
c = Child()
for i in range(100):
    if i == 70:
        del Base.factor
    try:
        c.scaled(i)
    except AttributeError as e:
        errors += 1
        last = str(e)
print(errors, last)  # expect: 30 'Child' object has no attribute 'factor'

Base.factor = 4
results = []
for i in range(100):
    if i == 40:
        Base.factor = property(lambda self: 9)
    if i == 80:
        Base.factor = 1
    results.append(c.scaled(1))
print(results[38:42], results[78:82])  # expect: [4, 4, 9, 9] [9, 9, 1, 1]


class Shape:
    sides = 4

    def area(self, k):
        return k * self.sides

    @staticmethod
    def unit():
        return 1

    @classmethod
    def kind(cls):
        return cls.__name__


class Tri(Shape):
    sides = 3


def via_class(cls, obj, n):
    out = []
    for i in range(n):
        if i == 40:
            Shape.area = lambda self, k: -k
        if i == 60:
            Shape.sides = 6
        out.append((cls.sides, Shape.area(obj, i), cls.unit(), cls.kind()))
    return out


r = via_class(Shape, Tri(), 80)
print(r[38:42:3], r[58:62:3])  # expect: [(4, 114, 1, 'Shape'), (4, -41, 1, 'Shape')] [(4, -58, 1, 'Shape'), (6, -61, 1, 'Shape')]
r = via_class(Tri, Shape(), 20)
print(r[0], r[-1])  # expect: (3, 0, 1, 'Tri') (3, -19, 1, 'Tri')

classes = [Shape, Tri, Shape, Tri]
total = 0
for i in range(100):
    total += classes[i % 4].sides
print(total)  # expect: 450
