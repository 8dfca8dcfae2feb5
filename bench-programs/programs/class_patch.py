# Class patching: hot loops during which a method is replaced on a class, a
# base-class method that a subclass inherits is replaced, a class attribute is
# changed, an overriding method is added to a subclass, and module globals
# (a constant and a function) are rebound. Each patch happens mid-loop, and the
# printed totals depend on every patch having taken effect at the right time.
# Stresses: invalidation of compiled code (class version tags, global
# caches), guards that fail after running many times.

OFFSET = 1


def helper(x):
    return x + OFFSET


class Base:
    factor = 2

    def step(self, x):
        return x * self.factor + 1

    def bump(self, x):
        return x + 3


class Counter(Base):
    def __init__(self):
        self.count = 0

    def tick(self, i):
        self.count = (self.count + self.step(i) + self.bump(i) + helper(i)) % 1000000007
        return self.count


def new_step(self, x):
    return x * self.factor + 5


def new_bump(self, x):
    return x - 1


def counter_bump(self, x):
    return 2 * x


def helper_v2(x):
    return x * 2 + OFFSET


def patch(phase):
    global OFFSET, helper
    if phase == 1:
        Counter.step = new_step
    elif phase == 2:
        Base.factor = 3
    elif phase == 3:
        Base.bump = new_bump
    elif phase == 4:
        Counter.bump = counter_bump
    elif phase == 5:
        OFFSET = 100
    elif phase == 6:
        helper = helper_v2
    elif phase == 7:
        del Counter.bump


def run(n, phases):
    c = Counter()
    trace = []
    every = n // (phases + 1)
    phase = 0
    for i in range(n):
        c.tick(i)
        if i % every == every - 1 and phase < phases:
            phase += 1
            patch(phase)
            trace.append(c.count % 997)
    return c.count, trace


def main():
    count, trace = run(1200000, 7)
    print("class_patch", count, trace)
    # The patched state is what a fresh object sees too.
    c = Counter()
    print("after", c.step(10), c.bump(10), helper(10), Base.factor, OFFSET)


main()
