# `x == 3` on an int compiled as one compare of the boxed word (the tag
# check, unboxing and compare merged into guard_eq): the guard must fail,
# and the interpreter decide, when x stops being that int, or any int:
# another int, True, 3.0, a big int, a str.


class Cell:
    def __init__(self, v):
        self.v = v


def count_threes(cells):
    hits = 0
    for c in cells:
        if c.v == 3:
            hits += 1
        elif c.v != 7:
            hits += 100
    return hits


values = [3] * 300 + [7] * 50 + [3] * 100 + [True, 3.0, 2**70, "3", 7.0, 3 + 2**70 - 2**70]
print(count_threes([Cell(v) for v in values]))  # expect: 702
print(count_threes([Cell(v) for v in [3, 3, 3, 7, 3, 1, -3, 3] * 200]))  # expect: 41000


def while_equal(n):
    state = 0
    steps = 0
    while state == 0 and steps < n:
        steps += 1
        if steps == n // 2:
            state = 1
    return steps, state


print(while_equal(5000))  # expect: (2500, 1)
