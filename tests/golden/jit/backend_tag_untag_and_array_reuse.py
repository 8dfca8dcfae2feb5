# Optimized backend: an object tag guard that also untags, one array pointer
# kept across accesses, and loop bodies without calls that poll the heap's
# debt only in the preamble. Each case changes what the kept state assumes
# mid-loop: a tag guard failing, a list growing (new item array) between
# accesses, an instance gaining slots, two lists alternating, a bridge that
# allocates while the call-free body runs.


def tag_guard_fails(data):
    s = 0
    for v in data:
        try:
            s += v[0] + v[1]
        except TypeError:
            s += 1000
    return s


def list_grows_between_accesses(n):
    a = [1, 2]
    for i in range(n):
        x = a[i] + a[i + 1]
        a.append(x % 1000)
        a[i] = a[i + 1] + a[len(a) - 1]
    return sum(a), len(a)


class Bag:
    def __init__(self):
        self.a = 1


def instance_gains_slots(n):
    b = Bag()
    s = 0
    for i in range(n):
        s += b.a
        if i == n // 2:
            b.c = 5
            b.d = 6
            b.e = 7
        if i > n // 2:
            s += b.c + b.d + b.e + b.a
    return s


def swap_two_lists(a, b):
    for i in range(len(a) - 1):
        a[i], b[i] = b[i + 1], a[i + 1]
        a[i + 1], b[i + 1] = b[i], a[i]
    return a[:5], b[:5]


def bridge_allocates(n):
    keep = []
    s = 0
    for i in range(n):
        s += i & 7
        if i % 997 == 996:
            keep.append([i] * 50)
            if len(keep) > 20:
                keep = []
    return s, len(keep)


def flips(perm):
    count = 0
    for _ in range(300):
        p = perm[:]
        i, j = 0, len(p) - 1
        while i < j:
            p[i], p[j] = p[j], p[i]
            i += 1
            j -= 1
        count += p[0]
        perm = perm[1:] + perm[:1]
    return count


data = [[i, i + 1] for i in range(2000)]
data[700] = 7
data[1500] = (3, 4)
print(tag_guard_fails(data))  # expect: 3996605
print(list_grows_between_accesses(3000))  # expect: (2992003, 3002)
print(instance_gains_slots(2000))  # expect: 20981
print(swap_two_lists(list(range(100)), list(range(100, 200))))  # expect: ([101, 102, 103, 104, 105], [1, 2, 3, 4, 5])
print(bridge_allocates(60000))  # expect: (210000, 18)
print(flips(list(range(9))))  # expect: 1197
