# A method is replaced on the class mid-loop, then on a single instance, then deleted again.
class Shape:
    def __init__(self, k):
        self.k = k
    def area(self):
        return self.k

shapes = [Shape(i) for i in range(5)]

def doubled(self):
    return self.k * 2

def as_text(self):
    return "k%d" % self.k

total = 0
texts = []
for i in range(600):
    s = shapes[i % 5]
    if i == 150:
        Shape.area = doubled
    if i == 300:
        Shape.area = as_text
    if i == 400:
        shapes[1].area = lambda: 1000  # instance attribute shadows the method
    if i == 500:
        Shape.area = lambda self: -self.k
    a = s.area()
    if isinstance(a, str):
        texts.append(a)
    else:
        total += a
    if i % 50 == 0 or i in (149, 150, 299, 300, 401):
        print(i, a, total)
        # expect: 0 0 0
        # expect: 50 0 100
        # expect: 100 0 200
        # expect: 149 4 300
        # expect: 150 0 300
        # expect: 200 0 500
        # expect: 250 0 700
        # expect: 299 8 900
        # expect: 300 k0 900
        # expect: 350 k0 900
        # expect: 400 k0 900
        # expect: 401 1000 1900
        # expect: 450 k0 10900
        # expect: 500 0 20900
        # expect: 550 0 30810
print(total, len(texts), texts[:6])  # expect: 40720 180 ['k0', 'k1', 'k2', 'k3', 'k4', 'k0']

# A bound method taken before the patch still calls the old function.
bound = shapes[2].area
Shape.area = doubled
print(bound(), shapes[2].area(), shapes[1].area())  # expect: -2 4 1000
