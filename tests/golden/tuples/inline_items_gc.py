# Tuples of every size made every way (literals, tuple(), slices, zip,
# enumerate, dict items, generators yielding pairs, unpacking, concatenation),
# some kept in a dict and a list across many collections while others die.


def pairs(n):
    prev = None
    for x in range(n):
        if prev is not None:
            yield prev, x
        prev = x


def make(i):
    small = (i, str(i))
    empty = ()
    one = (i * 2,)
    big = tuple(range(i % 40))
    mixed = small + one + (None, 1.5, "t") + empty
    return mixed, big, big[3:9], big[::-2]


keep = {}
ring = []
total = 0
for i in range(2500):
    mixed, big, cut, rev = make(i)
    total += len(mixed) + len(big) + sum(cut) - len(rev)
    if i % 9 == 0:
        keep[mixed[:2]] = (big, rev)
    ring.append((i, cut))
    if len(ring) > 30:
        ring.pop(0)

acc = 0
for a, b in pairs(5000):
    acc = (acc + a * b) % 1000003
for k, (v, w) in enumerate(zip(range(100), "abcdefghij" * 10)):
    acc += k * len(w) + v

print(total, acc)  # expect: 106534 554977
print(len(keep), sorted(keep)[:3])  # expect: 278 [(0, '0'), (9, '9'), (18, '18')]
print(keep[(999, "999")])  # expect: ((0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38), (38, 36, 34, 32, 30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0))
print(ring[-2:])  # expect: [(2498, (3, 4, 5, 6, 7, 8)), (2499, (3, 4, 5, 6, 7, 8))]
print(max(keep.items())[1][1][:5], (1, 2) + (3,) * 3, tuple("xyz") * 2)  # expect: (12, 10, 8, 6, 4) (1, 2, 3, 3, 3) ('x', 'y', 'z', 'x', 'y', 'z')
a, *b, c = tuple(range(7))
print(a, b, c, () == tuple(), (1, (2, (3, ()))))  # expect: 0 [1, 2, 3, 4, 5] 6 True (1, (2, (3, ())))
