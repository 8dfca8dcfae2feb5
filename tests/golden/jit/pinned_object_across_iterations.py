# A loop body without calls keeps its most used invariant object's address
# (and its item array's pointer) in registers from one iteration to the
# next. The lists here grow between runs of the loops (a new item array),
# are swapped for other lists, and share the body with other objects, so a
# stale address or array pointer would print different numbers.


def mark(flags, start, step, limit):
    j = start
    while j <= limit:
        flags[j] = False
        j += step


def two_lists(a, b, n):
    # Alternating accesses to two lists: each iteration re-targets rdi/r8.
    s = 0
    for i in range(n):
        a[i] = a[i] + b[i]
        s += a[i] - b[n - 1 - i]
    return s


class Box:
    def __init__(self, items):
        self.items = items
        self.hits = 0


def through_object(box, n):
    # An instance's slot and its list, both invariant.
    items = box.items
    total = 0
    i = 0
    while i < n:
        total += items[i % len(items)]
        i += 1
    return total


def run():
    flags = [True] * 40
    for rep in range(30):
        mark(flags, 4, 2, len(flags) - 1)
        flags.append(True)  # a bigger item array next time
        flags.append(True)
        flags[5] = True
    print(sum(1 for f in flags if f), len(flags))
    a = list(range(50))
    b = [3] * 50
    out = []
    for rep in range(25):
        out.append(two_lists(a, b, 50))
        a.append(rep)  # grows: the next call reads a new array
        b.append(rep)
        a, b = b, a
    print(out[:3], out[-3:])
    box = Box([1, 2, 3])
    res = []
    for rep in range(40):
        res.append(through_object(box, 60))
        box.items.append(rep)
        if rep % 7 == 0:
            box.items = [rep, rep + 1]
    print(res[:5], res[-5:], sum(res))


run()
# expect: 53 100
# expect: [1225, 150, 1375] [16065500, 25994525, 42060025]
# expect: [120, 30, 40, 60, 84] [1838, 2130, 2140, 2160, 2184] 41204
