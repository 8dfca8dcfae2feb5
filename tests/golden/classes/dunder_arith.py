# Arithmetic dunders: __add__, __radd__, __sub__, __mul__, __neg__, __abs__, NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, b - a, a * 3, 2 * a, -a, abs(b))  # expect: Vec(4, 6) Vec(2, 2) Vec(3, 6) Vec(2, 4) Vec(-1, -2) 5.0
print(sum([a, b, Vec(10, 10)]))  # expect: Vec(14, 16)
c = a
c += b
print(c, a)  # expect: Vec(4, 6) Vec(1, 2)
try:
    a + 5
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unsupported operand type(s) for +: 'Vec' and 'int'
