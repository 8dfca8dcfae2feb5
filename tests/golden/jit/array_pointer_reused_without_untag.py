# Item and slot accesses through an array pointer the code already holds
# do not untag their object again: lists and instances read and written
# between accesses to other objects (a range iterator, a second list), the
# length read beside the items, lists grown or replaced mid-loop, and
# guards failing inside the loop keep CPython's results.
def count_true(flags):
    count = 0
    total = 0
    for i in range(len(flags)):
        if flags[i]:
            count += 1
            total += i
    return count, total

flags = [i % 3 == 0 or i % 7 == 0 for i in range(3000)]
print(count_true(flags))  # expect: (1286, 1927929)

def two_lists(a, b):
    s = 0
    for i in range(len(a)):
        s += a[i] * len(b) + b[i % len(b)]
        b[i % len(b)] = a[i]
    return s, b[:5]

print(two_lists(list(range(2000)), [1, 2, 3, 4, 5, 6, 7]))  # expect: (15978056, [1995, 1996, 1997, 1998, 1999])

class P:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3

def slots(objs, n):
    out = 0
    for k in range(n):
        p = objs[k % len(objs)]
        p.x = p.y + k
        p.z = p.x - p.z
        out += p.z
    return out, [(p.x, p.y, p.z) for p in objs]

print(slots([P() for _ in range(5)], 3000))  # expect: (2256000, [(2997, 2, 1503), (2998, 2, 1503), (2999, 2, 1503), (3000, 2, 1503), (3001, 2, 1503)])

def grows(n):
    xs = [0, 1]
    i = 0
    acc = 0
    while i < n:
        acc += xs[i % len(xs)]
        if i % 97 == 0:
            xs.append(i)
        if i == n // 2:
            xs = [7] * 3
        i += 1
    return acc, len(xs)

print(grows(5000))  # expect: (7277320, 29)

def mixed(items):
    total = 0
    for i in range(len(items)):
        v = items[i]
        total += v
        items[i] = v + 1
    return total

print(mixed([1] * 500 + [2.5] + [3] * 500))  # expect: 2002.5
