# One call site sees several receiver classes in turn (polymorphic method calls).
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s

class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h

class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3 * self.r * self.r

shapes = []
for i in range(60):
    if i % 3 == 0:
        shapes.append(Square(i))
    elif i % 3 == 1:
        shapes.append(Rect(i, 2))
    else:
        shapes.append(Circle(i))
total = 0
for shape in shapes:
    total += shape.area()
print(total)  # expect: 97180
phase = [s.area() for s in shapes[:20]] + [s.area() for s in reversed(shapes[40:])]
print(sum(phase), phase[:6])  # expect: 71857 [0, 2, 12, 9, 8, 75]
