# Function traces next to generators and the GC: recursive functions that
# consume generators, build garbage at every level, and call a recursive
# generator (generator frames are never traced from their entry).
def walk(tree):
    if isinstance(tree, int):
        yield tree
        return
    for sub in tree:
        yield from walk(sub)


def nest(n):
    if n == 0:
        return [0, 1]
    return [n, nest(n - 1), (n, n + 1)]


def total_of(n):
    if n == 0:
        return sum(walk(nest(3)))
    return total_of(n - 1) + sum(x * 2 for x in range(n))


def garbage(n, keep):
    if n == 0:
        return len(keep)
    junk = [str(i) * 3 for i in range(20)]
    pair = {"n": n, "junk": junk, "tuple": (junk, n)}
    if n % 10 == 0:
        keep.append(pair)
    return garbage(n - 1, keep) + len(pair["junk"][-1])


def first_n(gen_count, n):
    if n == 0:
        return []
    return [next(gen_count)] + first_n(gen_count, n - 1)


def counter():
    i = 0
    while True:
        yield i
        i += 1


print(list(walk(nest(4))))  # expect: [4, 3, 2, 1, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5]
print(total_of(30))  # expect: 9012
kept = []
print(garbage(200, kept), len(kept), kept[3]["n"])  # expect: 1220 20 170
for round in range(20):
    kept = []
    r = garbage(60 + round, kept)
print(r, len(kept))  # expect: 481 7
g = counter()
print(first_n(g, 10), first_n(g, 5))  # expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [10, 11, 12, 13, 14]
