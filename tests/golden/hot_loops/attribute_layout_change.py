# Instances whose attribute layouts differ pass through the same loop.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

points = []
for i in range(50):
    p = Point(i, -i)
    if i % 7 == 0:
        p.z = i * 100
    if i % 11 == 0:
        del p.x
        p.x = i * 2
    points.append(p)
total = 0
extra = 0
for p in points:
    total += p.x + p.y
    if hasattr(p, "z"):
        extra += p.z
print(total, extra)  # expect: 110 19600
print(sum(getattr(p, "z", 1) for p in points))  # expect: 19642
