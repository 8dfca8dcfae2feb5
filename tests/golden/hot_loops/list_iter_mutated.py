# `for x in lst` loops (whose iterator objects compiled code makes and steps)
# over lists that grow, shrink or are replaced during the loop, in hot loops
# and across collections.


def grow_while_iterating(n):
    l = [1, 2, 3]
    seen = 0
    for x in l:
        seen += x
        if len(l) < n:
            l.append(x + 1)
    return seen, len(l)


def shrink_while_iterating(n):
    l = list(range(n))
    seen = []
    for x in l:
        seen.append(x)
        if l:
            l.pop()
    return len(seen), seen[-3:], len(l)


def remove_front_while_iterating(n):
    l = list(range(n))
    seen = []
    for x in l:
        seen.append(x)
        del l[0]
    return seen[:5], len(seen), l[:3]


def rebind_while_iterating(n):
    l = list(range(n))
    total = 0
    for x in l:
        total += x
        l = [x] * 3
    return total, l


def inner_loops(rounds):
    acc = 0
    for r in range(rounds):
        row = [r, r + 1, r + 2, r + 3]
        for x in row:
            acc += x
            if x == r + 1 and r % 5 == 0:
                row.append(-1)
        for y in [r % 7, r % 11]:
            acc += y
    return acc


def tuples_and_lists(rounds):
    acc = 0
    for r in range(rounds):
        for t in ((r, 1), (2, r)):
            for u in [t[0], t[1]]:
                acc += u
    return acc


for n in [3, 10, 200]:
    print(grow_while_iterating(n))  # expect: (6, 3)
    print(shrink_while_iterating(n))  # expect: (2, [0, 1], 1)
    print(remove_front_while_iterating(n))  # expect: ([0, 2], 2, [2])
    print(rebind_while_iterating(n))
    # expect: (3, [2, 2, 2])
    # expect: (31, 10)
    # expect: (5, [2, 3, 4], 5)
    # expect: ([0, 2, 4, 6, 8], 5, [5, 6, 7])
    # expect: (45, [9, 9, 9])
    # expect: (6966, 200)
    # expect: (100, [97, 98, 99], 100)
    # expect: ([0, 2, 4, 6, 8], 100, [100, 101, 102])
    # expect: (19900, [199, 199, 199])
print(inner_loops(30000))  # expect: 1800353983
print(tuples_and_lists(30000))  # expect: 900060000
