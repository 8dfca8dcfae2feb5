# Objects and tuples allocated every iteration but stored (escaping the loop) only on some iterations.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx):
        return Point(self.x + dx, self.y - dx)

saved = []
p = Point(0, 0)
for i in range(600):
    p = p.moved(i % 5)           # a fresh object each iteration, the old one dies
    t = (p.x, p.y, i)            # a fresh tuple each iteration
    if i % 97 == 0:
        saved.append(p)          # escapes: must hold the values it had at this iteration
        saved.append(t)
    if i == 450:
        p.extra = [i]            # a layout change on the escaped-or-not object
print(p.x, p.y, hasattr(p, "extra"))  # expect: 1200 -1200 False
for s in saved:
    if isinstance(s, Point):
        print("point", s.x, s.y, getattr(s, "extra", None))  # expect: point 0 0 None
    else:
        print("tuple", s)
        # expect: tuple (0, 0, 0)
        # expect: point 193 -193 None
        # expect: tuple (193, -193, 97)
        # expect: point 390 -390 None
        # expect: tuple (390, -390, 194)
        # expect: point 581 -581 None
        # expect: tuple (581, -581, 291)
        # expect: point 776 -776 None
        # expect: tuple (776, -776, 388)
        # expect: point 970 -970 None
        # expect: tuple (970, -970, 485)
        # expect: point 1163 -1163 None
        # expect: tuple (1163, -1163, 582)

# A list allocated per iteration, mutated, and escaping through a dict only when a condition holds.
found = {}
for i in range(500):
    row = [i, i * i, str(i)]
    row.append(len(row[2]))
    if row[3] == 3 and i % 50 == 0:
        found[i] = row
    row[0] = -1  # mutation after the escape must be visible through the dict
print(found)  # expect: {100: [-1, 10000, '100', 3], 150: [-1, 22500, '150', 3], 200: [-1, 40000, '200', 3], 250: [-1, 62500, '250', 3], 300: [-1, 90000, '300', 3], 350: [-1, 122500, '350', 3], 400: [-1, 160000, '400', 3], 450: [-1, 202500, '450', 3]}

# A closure allocated per iteration that escapes rarely.
keep = []
for i in range(400):
    f = lambda k=i: k * 3
    if i % 133 == 0:
        keep.append(f)
print([f() for f in keep])  # expect: [0, 399, 798, 1197]
