# A loop whose side exits get bridges while it runs raw code, and that keeps
# taking them after the optimized trace replaces the raw one (under
# --jit=full the bridges move onto the optimized trace's matching exits
# instead of being recorded again): paths through the loop body, through an
# inlined callee, through a bridge of a bridge, and past an object the
# optimized trace never allocates.


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def classify(i):
    if i % 7 == 3:
        return i * 2
    return i


def work(n, seed):
    total = seed
    hits = 0
    for i in range(n):
        p = Pair(i, total)
        if i % 5 == 0:
            total = (total + p.a * 3) % 1000003
            hits += 1
        elif i % 5 == 3:
            if i % 2:
                total = (p.b ^ (i * 31)) % 1000003
            else:
                total = (total - 1) % 1000003
        else:
            total = (total + classify(i)) % 1000003
    return total, hits


for round in range(4):
    print(work(3000, round))
    # expect: (810752, 600)
    # expect: (821103, 600)
    # expect: (28523, 600)
    # expect: (160282, 600)
