# A method is added to (and a class attribute changed on) a base class while a loop calls through a subclass.
class Base:
    scale = 1
    def value(self):
        return 10 * self.scale

class Middle(Base):
    pass

class Leaf(Middle):
    def __init__(self, n):
        self.n = n

leaves = [Leaf(i) for i in range(4)]
total = 0
for i in range(500):
    leaf = leaves[i % 4]
    if i == 100:
        Base.scale = 3
    if i == 200:
        Middle.value = lambda self: self.n + self.scale
    if i == 300:
        Base.bonus = lambda self: 1000
    if i == 350:
        Middle.scale = 100
    if i == 420:
        del Middle.value
    total += leaf.value()
    if hasattr(leaf, "bonus"):
        total += leaf.bonus()
    if i % 50 == 0 or i in (99, 100, 199, 200, 299, 300, 349, 350, 419, 420):
        print(i, leaf.value(), total)
        # expect: 0 10 10
        # expect: 50 10 510
        # expect: 99 10 1000
        # expect: 100 30 1030
        # expect: 150 30 2530
        # expect: 199 30 4000
        # expect: 200 3 4003
        # expect: 250 5 4228
        # expect: 299 6 4450
        # expect: 300 3 5453
        # expect: 349 4 54673
        # expect: 350 102 55775
        # expect: 400 100 110850
        # expect: 419 103 131780
        # expect: 420 1000 133780
        # expect: 450 1000 193780
print(total, Base.scale, Middle.scale, Leaf.scale)  # expect: 291780 3 100 100

# Class attribute read through instances while the class is changed every few iterations.
class Config:
    limit = 0
counter = 0
c = Config()
for i in range(400):
    if i % 37 == 0:
        Config.limit = i
    if i % 5 < c.limit % 5:
        counter += c.limit
print(counter, Config.limit)  # expect: 26233 370
