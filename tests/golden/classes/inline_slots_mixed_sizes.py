# Instances of classes of different sizes made and dropped across many
# collections (dead instances are reused for the next ones, whatever their
# class), some growing past the room their class usually needs, some losing
# attributes, some read through __dict__.


class Small:
    def __init__(self, a):
        self.a = a


class Big:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % i, i * n)


class Pair:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def churn(rounds):
    total = 0
    keep = []
    for i in range(rounds):
        s = Small(i)
        b = Big(3 + i % 9)
        p = Pair(s, b)
        if i % 5 == 0:
            p.extra = i
            p.more = [i]
            p.most = (i, i)
        if i % 7 == 0:
            del p.x
            p.x = -i
        if i % 11 == 0:
            keep.append(p)
        total += s.a + getattr(b, "f2") + (p.extra if hasattr(p, "extra") else 0)
        if isinstance(p.x, Small):
            total += p.x.a
        else:
            total += p.x
    return total, keep


total, keep = churn(10000)
print(total)  # expect: 95840708
print(len(keep))  # expect: 910
for p in keep[:4]:
    print(sorted(p.__dict__.keys()), p.x if isinstance(p.x, int) else p.x.a)
    # expect: ['extra', 'more', 'most', 'x', 'y'] 0
    # expect: ['x', 'y'] 11
    # expect: ['x', 'y'] 22
    # expect: ['x', 'y'] 33
b = keep[3].y
print(sorted(b.__dict__.items())[:5], len(b.__dict__))  # expect: [('f0', 0), ('f1', 9), ('f2', 18), ('f3', 27), ('f4', 36)] 9
for i in range(40):
    setattr(b, "g%d" % i, i)
print(b.g39, b.f0, len(b.__dict__))  # expect: 39 0 49
del b.f0
print(hasattr(b, "f0"), b.g0, len(b.__dict__))  # expect: False 0 48
