# Properties read and written in hot loops; a property replaced by a plain class attribute mid-loop, and back.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, value):
        self._c = (value - 32) * 5 / 9

t = Temp(0)
acc = 0.0
for i in range(500):
    if i == 200:
        saved = Temp.f
        Temp.f = 451  # a plain class attribute now; instance writes create instance attributes
    if i == 350:
        del t.f
        Temp.f = saved
    v = t.f
    acc += v
    if i % 3 == 0:
        t.f = v + 1
    if i % 100 == 0 or i in (199, 200, 201, 349, 350, 351):
        print(i, v, t._c, "f" in vars(t))
        # expect: 0 32.0 0.5555555555555556 False
        # expect: 100 66.0 18.88888888888889 False
        # expect: 199 99.0 37.22222222222222 False
        # expect: 200 451 37.22222222222222 False
        # expect: 201 451 37.22222222222222 True
        # expect: 300 484 37.22222222222222 True
        # expect: 349 501 37.22222222222222 True
        # expect: 350 99.0 37.22222222222222 False
        # expect: 351 99.0 37.77777777777778 False
        # expect: 400 116.0 46.666666666666664 False
print(round(acc, 6), round(t.f, 6))  # expect: 103050.0 149.0

# A read-only property assigned mid-loop raises AttributeError.
class Ro:
    @property
    def x(self):
        return 7
r = Ro()
errs = 0
s = 0
for i in range(300):
    s += r.x
    if i % 100 == 50:
        try:
            r.x = 1
        except AttributeError:
            errs += 1
print(s, errs)  # expect: 2100 3
