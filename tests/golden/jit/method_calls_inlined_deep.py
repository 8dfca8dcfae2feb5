# Method calls nested several levels deep from a hot loop (inlining across frames).
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def scale(self, k):
        return Vec(self.x * k, self.y * k)
    def dot(self, other):
        return self.x * other.x + self.y * other.y
    def norm2(self):
        return self.dot(self)

class Body:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        return self.energy()
    def energy(self):
        return self.vel.norm2() + self.potential()
    def potential(self):
        return self.pos.norm2() // 1000

class World:
    def __init__(self):
        self.bodies = [Body(Vec(i, -i), Vec(1, i % 3)) for i in range(3)]
    def tick(self, dt):
        total = 0
        for b in self.bodies:
            total += b.step(dt)
        return total

w = World()
history = []
for i in range(400):
    e = w.tick(1 if i % 2 else 2)
    history.append(e)
    if i % 80 == 0:
        print(i, e, [(b.pos.x, b.pos.y) for b in w.bodies])
        # expect: 0 8 [(2, 0), (3, 1), (4, 2)]
        # expect: 80 124 [(122, 0), (123, 121), (124, 242)]
        # expect: 160 474 [(242, 0), (243, 241), (244, 482)]
        # expect: 240 1054 [(362, 0), (363, 361), (364, 722)]
        # expect: 320 1863 [(482, 0), (483, 481), (484, 962)]
print(sum(history), history[-1])  # expect: 388074 2885

# A chain of five small functions, each calling the next.
def f1(x): return f2(x + 1) * 2
def f2(x): return f3(x - 3) + 1
def f3(x): return f4(x) if x % 2 else f5(x)
def f4(x): return x * x
def f5(x): return -x

acc = 0
for i in range(500):
    acc += f1(i)
print(acc, f1(10), f1(11))  # expect: 41046000 -14 164
