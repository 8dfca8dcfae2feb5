# Attribute stores are cached per layout (map) and class version: caches must
# notice a property or __setattr__ added later, and different attribute orders.
class P:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

ps = [P(i) for i in range(5)]
print([p.y for p in ps])  # expect: [0, 2, 4, 6, 8]
log = []

def get_y(self):
    return self._y

def set_y(self, v):
    log.append(v)
    self._y = v + 100

P.y = property(get_y, set_y)
qs = [P(i) for i in range(3)]
print([q.y for q in qs], log)  # expect: [100, 102, 104] [0, 2, 4]

class Q:
    def __init__(self, flip):
        if flip:
            self.b = 1
            self.a = 2
        else:
            self.a = 3
            self.b = 4

qq = [Q(i % 2) for i in range(6)]
print([(q.a, q.b) for q in qq])  # expect: [(3, 4), (2, 1), (3, 4), (2, 1), (3, 4), (2, 1)]

def hooked(self, name, value):
    object.__setattr__(self, name, str(value))

Q.__setattr__ = hooked
print([(q.a, q.b) for q in [Q(0), Q(1)]])  # expect: [('3', '4'), ('2', '1')]
del Q.__setattr__
print([(q.a, q.b) for q in [Q(0), Q(1)]])  # expect: [(3, 4), (2, 1)]
