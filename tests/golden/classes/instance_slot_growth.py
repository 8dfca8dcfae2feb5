# Instances gaining attributes in a hot loop (the JIT's append-slot helper):
# different orders, many attributes, del and re-add, reuse of collected
# instances' slot storage.


class P:
    def __init__(self, a, b, order):
        if order:
            self.a = a
            self.b = b
        else:
            self.b = b
            self.a = a


class Many:
    def __init__(self, n):
        self.x0 = n
        self.x1 = n + 1
        self.x2 = n + 2
        self.x3 = n + 3
        self.x4 = n + 4
        self.x5 = n + 5
        self.x6 = n + 6
        self.x7 = n + 7
        self.x8 = n + 8
        self.x9 = n + 9


def run():
    total = 0
    keep = []
    for i in range(3000):
        p = P(i, i * 2, i % 3 == 0)
        total += p.a - p.b
        m = Many(i)
        total += m.x0 + m.x9 + m.x5
        if i % 7 == 0:
            del m.x3
            m.x3 = -1
            m.extra = i
            total += m.x3 + m.extra + m.x4
        if i % 500 == 0:
            keep.append(m)
    print(total)
    print([sorted(vars(k).items())[:3] for k in keep[:3]])
    print([len(vars(k)) for k in keep])
    q = P(1, 2, False)
    del q.b
    q.c = 3
    q.b = 4
    print(vars(q))


run()
# expect: 10325571
# expect: [[('extra', 0), ('x0', 0), ('x1', 1)], [('x0', 500), ('x1', 501), ('x2', 502)], [('x0', 1000), ('x1', 1001), ('x2', 1002)]]
# expect: [11, 10, 10, 10, 10, 10]
# expect: {'a': 1, 'c': 3, 'b': 4}
