# Instances gain attributes mid-loop, so the same class sees several layouts.
class Node:
    def __init__(self, n):
        self.n = n

nodes = [Node(i) for i in range(10)]
total = 0
for i in range(500):
    node = nodes[i % 10]
    if i == 120:
        for m in nodes[::2]:
            m.weight = 10
    if i == 250:
        nodes[3].tag = "three"
        nodes[3].weight = 3
    if i == 370:
        for m in nodes:
            m.n, m.z = m.n * 2, 0
    total += node.n + getattr(node, "weight", 0)
    if hasattr(node, "z"):
        node.z += 1
    if i % 50 == 0:
        print(i, total, sorted(vars(node)))
        # expect: 0 0 ['n']
        # expect: 50 225 ['n']
        # expect: 100 450 ['n']
        # expect: 150 835 ['n', 'weight']
        # expect: 200 1310 ['n', 'weight']
        # expect: 250 1785 ['n', 'weight']
        # expect: 300 2275 ['n', 'weight']
        # expect: 350 2765 ['n', 'weight']
        # expect: 400 3390 ['n', 'weight', 'z']
        # expect: 450 4105 ['n', 'weight', 'z']
print(total, [getattr(m, "z", None) for m in nodes], nodes[3].tag)  # expect: 4810 [13, 13, 13, 13, 13, 13, 13, 13, 13, 13] three

# Attributes created in different orders on different instances.
class Bag:
    pass

bags = []
for i in range(300):
    b = Bag()
    if i % 2:
        b.x = i
        b.y = -i
    else:
        b.y = -i
        b.x = i
    if i % 3 == 0:
        b.extra = i * i
    bags.append(b)
sx = 0
sy = 0
se = 0
for b in bags:
    sx += b.x
    sy += b.y
    se += b.extra if hasattr(b, "extra") else 0
print(sx, sy, se, list(vars(bags[1])), list(vars(bags[2])), list(vars(bags[3])))  # expect: 44850 -44850 2955150 ['x', 'y'] ['y', 'x'] ['x', 'y', 'extra']
