# An attribute deleted mid-loop: reads fall back to the class attribute or raise AttributeError.
class Item:
    size = -1
    def __init__(self, size):
        self.size = size
        self.name = "item%d" % size

items = [Item(i) for i in range(8)]
total = 0
errors = 0
for i in range(480):
    it = items[i % 8]
    if i == 100:
        del items[2].size
    if i == 200:
        for x in items[4:]:
            del x.name
    if i == 300:
        items[2].size = 200
    total += it.size
    try:
        total += len(it.name)
    except AttributeError as e:
        errors += 1
        if errors == 1:
            print("error:", e)
    if i % 60 == 0:
        print(i, total, errors)
        # expect: 0 5 0
        # expect: 60 511 0
        # expect: 120 1019 0
        # expect: 180 1501 0
        # expect: error: 'Item' object has no attribute 'name'
        # expect: 240 1894 20
        # expect: 300 2231 49
        # expect: 360 3976 80
        # expect: 420 5921 109
print(total, errors, [x.size for x in items], sorted(vars(items[5])))  # expect: 7661 140 [0, 1, 200, 3, 4, 5, 6, 7] ['size']

# Delete and re-add the same attribute over and over.
class Flip:
    pass
f = Flip()
present = 0
for i in range(400):
    if i % 2 == 0:
        f.a = i
    else:
        present += f.a
        del f.a
    if hasattr(f, "a"):
        present += 1
print(present, hasattr(f, "a"))  # expect: 40000 False
try:
    del f.a
except AttributeError as e:
    print("AttributeError:", e)  # expect: AttributeError: 'Flip' object has no attribute 'a'
