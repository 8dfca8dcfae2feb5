# Instantiation inside a hot loop: __init__ is inlined into the trace. It must
# still see class patches, raise with the right traceback, reject a non-None
# return, and take side exits that rebuild the __init__ frame.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y * 2

class Odd:
    def __init__(self, v):
        self.v = 10 // v

total = 0
for i in range(300):
    p = Point(i, i + 1)
    total += p.x + p.y
    if i == 150:
        def new_init(self, x, y):
            self.x = -x
            self.y = 0
        Point.__init__ = new_init
print(total)  # expect: 752

caught = 0
for i in range(200):
    try:
        o = Odd(i % 50)
        total += o.v
    except ZeroDivisionError as e:
        caught += 1
print(total, caught)  # expect: 860 4

# A type change inside __init__ mid-loop (a side exit inside the inlined frame).
vals = []
for i in range(200):
    p = Point(i if i < 120 else i * 0.5, 1)
    vals.append(p.x)
print(vals[0], vals[119], vals[120], vals[-1])  # expect: 0 -119 -60.0 -99.5

class Bad:
    def __init__(self, n):
        if n == 90:
            return 5

made = 0
try:
    for i in range(100):
        Bad(i)
        made += 1
except TypeError as e:
    print("TypeError:", e, made)  # expect: TypeError: __init__() should return None, not 'int' 90
