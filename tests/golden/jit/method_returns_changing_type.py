# A loop calls a method that sometimes returns a different type (int, float, str, None, tuple, big int).
class Source:
    def __init__(self):
        self.n = 0
    def read(self):
        self.n += 1
        n = self.n
        if n % 50 == 0:
            return None
        if n % 7 == 0:
            return n / 2
        if n % 11 == 0:
            return str(n)
        if n % 13 == 0:
            return (n, n)
        if n % 97 == 0:
            return 2 ** 80 + n
        return n

src = Source()
ints = floats = strs = nones = tuples = 0
acc = 0
facc = 0.0
for i in range(700):
    v = src.read()
    if v is None:
        nones += 1
        continue
    if isinstance(v, str):
        strs += 1
        acc += len(v)
    elif isinstance(v, tuple):
        tuples += 1
        acc += v[0] - v[1]
    else:
        if isinstance(v, float):
            floats += 1
            facc += v
        else:
            ints += 1
            acc += v
    if i % 100 == 0:
        print(i, type(v).__name__, acc, facc)
        # expect: 0 int 1 0.0
        # expect: 100 int 1208925819614629174709767 367.5
        # expect: 200 int 2417851639229258349426557 1421.0
        # expect: 300 float 3626777458843887524150062 3311.0
        # expect: 400 int 4835703278458516698881492 5610.5
        # expect: 500 int 6044629098073145873619270 8771.0
        # expect: 600 int 7253554917687775048364611 12617.5
print(ints, floats, strs, nones, tuples, acc, facc)  # expect: 494 98 53 14 41 7253554917687775048410871 17150.0

# The result is used directly in arithmetic without checking; TypeError when it is a str.
class Flaky:
    def get(self, i):
        return "bad" if i % 150 == 149 else i * 2

f = Flaky()
total = 0
errors = 0
for i in range(600):
    try:
        total += f.get(i) + 1
    except TypeError:
        errors += 1
print(total, errors)  # expect: 357004 4

# Subclass overrides return a different type than the base method.
class Base:
    def val(self):
        return 1
class AsFloat(Base):
    def val(self):
        return 0.5
class AsStr(Base):
    def val(self):
        return "s"
objs = [Base(), AsFloat(), AsStr(), Base()]
num = 0
txt = ""
for i in range(400):
    r = objs[i % 4].val()
    if type(r) is str:
        txt += r
    else:
        num += r
print(num, len(txt))  # expect: 250.0 100
