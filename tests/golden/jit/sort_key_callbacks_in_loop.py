# Builtins calling back into Python code from a hot loop: sorted/min/max with key=, map, filter.
class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age

people = [Person("p%d" % i, (i * 37) % 90) for i in range(60)]

def by_age(p):
    return p.age

first_names = []
for rep in range(100):
    ordered = sorted(people, key=by_age, reverse=rep % 2 == 1)
    first_names.append(ordered[0].name)
    youngest = min(people, key=lambda p: (p.age, p.name))
    oldest = max(people, key=lambda p: p.age - rep % 3)
print(first_names[:4], youngest.name, oldest.name)  # expect: ['p0', 'p17', 'p0', 'p17'] p0 p17

# The key function changes between iterations (different closures).
data = list(range(50))
results = []
for k in range(1, 200):
    data.sort(key=lambda x: (x * k) % 51)
    results.append(data[0] + data[-1] * 2)
print(results[:6], sum(results))  # expect: [98, 50, 32, 76, 20, 16] 8380

# A key function that raises part-way through a sort, caught by the loop.
def fragile(x):
    if x == 13:
        raise KeyError(x)
    return -x

fails = 0
for i in range(300):
    try:
        sorted(range(i % 20), key=fragile)
    except KeyError:
        fails += 1
print(fails)  # expect: 90

# map and filter with Python functions, consumed in a loop.
total = 0
for i in range(200):
    total += sum(map(lambda v: v * i, filter(lambda v: v % 3 == 1, range(10))))
print(total)  # expect: 238800

# list.sort with a key that reads attributes of objects whose layouts differ.
class Tagged:
    def __init__(self, v, tag=None):
        if tag is not None:
            self.tag = tag
        self.v = v
objs = [Tagged(i, "t") if i % 2 else Tagged(i) for i in range(100)]
for rep in range(30):
    objs.sort(key=lambda o: ((o.v * 7 + rep) % 100, hasattr(o, "tag")))
print([o.v for o in objs[:10]])  # expect: [53, 96, 39, 82, 25, 68, 11, 54, 97, 40]
