# Lists whose item buffers come from dead lists' buffers (the collector keeps
# them for the next lists of their size): copies, slices, literals and first
# appends made across many collections stay independent of each other and
# of the lists that died, whatever their sizes, front pops or growth.


def copies(n, rounds):
    base = list(range(n))
    total = 0
    keep = []
    for r in range(rounds):
        c = base[:]
        c[0] = r
        c[-1] += 1
        total += c[0] + c[-1] + len(c)
        if r % 997 == 0:
            keep.append(c)
    # The kept copies saw no later copy's writes.
    return total, [k[0] for k in keep[:4]], [k[-1] for k in keep[:4]], base[-1]


for n in [1, 2, 7, 8, 9, 31, 32, 33, 40]:
    print(n, copies(n, 12000))
    # expect: 1 (144024000, [1, 998, 1995, 2992], [1, 998, 1995, 2992], 0)
    # expect: 2 (72042000, [0, 997, 1994, 2991], [2, 2, 2, 2], 1)
    # expect: 7 (72162000, [0, 997, 1994, 2991], [7, 7, 7, 7], 6)
    # expect: 8 (72186000, [0, 997, 1994, 2991], [8, 8, 8, 8], 7)
    # expect: 9 (72210000, [0, 997, 1994, 2991], [9, 9, 9, 9], 8)
    # expect: 31 (72738000, [0, 997, 1994, 2991], [31, 31, 31, 31], 30)
    # expect: 32 (72762000, [0, 997, 1994, 2991], [32, 32, 32, 32], 31)
    # expect: 33 (72786000, [0, 997, 1994, 2991], [33, 33, 33, 33], 32)
    # expect: 40 (72954000, [0, 997, 1994, 2991], [40, 40, 40, 40], 39)


def slices(rounds):
    src = list(range(50))
    acc = 0
    for r in range(rounds):
        a = src[3:12]
        b = src[r % 40 :]
        c = src[: r % 33]
        a[0] = -1
        b.append(r)
        c.insert(0, r)
        acc += a[0] + a[-1] + b[-1] + len(b) + c[0] + len(c)
    return acc, src[:12], len(src)


print(slices(20000))  # expect: (401149969, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 50)


def popped_fronts(rounds):
    # Lists that die after popping their front hand back their whole buffer.
    acc = 0
    for r in range(rounds):
        q = list(range(r % 20 + 1))
        while len(q) > r % 3:
            acc += q.pop(0)
        fresh = [r, r + 1, r + 2, r + 3, r + 4]
        acc += fresh[4] - fresh[0] + len(q)
    return acc


print(popped_fronts(20000))  # expect: 1246005


def first_appends(rounds):
    acc = 0
    last = None
    for r in range(rounds):
        out = []
        for k in range(r % 12):
            out.append(k * r)
        acc += len(out) + (out[-1] if out else 0)
        last = out
    return acc, last


print(first_appends(20000))  # expect: (916646668, [0, 19999, 39998, 59997, 79996, 99995, 119994])


def literals(rounds):
    acc = 0
    kept = []
    for r in range(rounds):
        l = [r, r * 2, r * 3, r * 4, r * 5, r * 6]
        l[2] = -r
        acc += l[0] + l[2] + l[5]
        if r % 4999 == 0:
            kept.append(l)
    return acc, kept


print(literals(20000))  # expect: (1199940000, [[0, 0, 0, 0, 0, 0], [4999, 9998, -4999, 19996, 24995, 29994], [9998, 19996, -9998, 39992, 49990, 59988], [14997, 29994, -14997, 59988, 74985, 89982], [19996, 39992, -19996, 79984, 99980, 119976]])
