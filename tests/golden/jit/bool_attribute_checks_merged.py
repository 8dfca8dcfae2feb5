# Bool attributes tested with `or`, `and`, `not` and `is` in hot loops: the
# optimizer merges a value's tag guard with the identity check after it, so
# a flag that changes (or stops being a bool) must leave at the right place.


class Task:
    def __init__(self, i):
        self.holding = i % 3 == 0
        self.pending = i % 5 == 0
        self.waiting = i % 7 != 0
        self.count = 0

    def blocked(self):
        return self.holding or (not self.pending and self.waiting)


def run(tasks, rounds):
    hits = 0
    for r in range(rounds):
        for t in tasks:
            t.count += 1
            if t.blocked():
                hits += 1
            if t.pending is False:
                hits += 2
        if r == rounds // 2:
            tasks[3].holding = None
            tasks[4].pending = 0
            tasks[5].waiting = "yes"
    return hits, [t.count for t in tasks[:6]]


tasks = [Task(i) for i in range(40)]
print(run(tasks, 60))
# expect: (5702, [60, 60, 60, 60, 60, 60])
