# One attribute read/write site sees instances of several classes (polymorphic inline caches).
class A:
    def __init__(self, v):
        self.v = v

class B:
    def __init__(self, v):
        self.pad = "b"
        self.v = v

class C(A):
    def __init__(self, v):
        self.extra = [v]
        super().__init__(v * 2)

class D:
    v = 1000  # a class attribute, not an instance one

objects = [A(1), B(2), C(3), D(), A(4.5), B("x")]
total = 0
text = ""
for i in range(600):
    o = objects[i % 6]
    value = o.v
    if isinstance(value, str):
        text += value
    else:
        total += value
    if i % 6 != 3:
        o.v = value if isinstance(value, str) else value + 1
    if i % 100 == 0:
        print(i, type(o).__name__, value, total)
        # expect: 0 A 1 1
        # expect: 100 A 20.5 17773.5
        # expect: 200 C 39 35665.5
        # expect: 300 A 51 55626.0
        # expect: 400 A 70.5 76748.5
        # expect: 500 C 89 97990.5
print(total, len(text))  # expect: 121150.0 100
print([o.v for o in objects], D.v, objects[3].v, "v" in vars(objects[3]))  # expect: [101, 102, 106, 1000, 104.5, 'x'] 1000 1000 False

# Writing an attribute on a D instance shadows the class attribute from then on.
d = objects[3]
seen = []
for i in range(300):
    if i == 150:
        d.v = -1
    seen.append(d.v)
print(seen[149], seen[150], seen.count(1000), D.v)  # expect: 1000 -1 150 1000
