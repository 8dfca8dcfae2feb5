# Defining __eq__ without __hash__ makes instances unhashable.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

class HashablePoint(Point):
    def __hash__(self):
        return hash((self.x, self.y))

print(Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))  # expect: True False
try:
    {Point(1, 2)}
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unhashable type: 'Point'
points = {HashablePoint(1, 2), HashablePoint(1, 2), HashablePoint(3, 4)}
print(len(points), HashablePoint(3, 4) in points)  # expect: 2 True
