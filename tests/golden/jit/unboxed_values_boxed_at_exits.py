# Optimized loops keep ints, floats and bools unboxed and box them only when
# an exit writes them back (box_exits): each exit below must see exact values.
# Exits happen at different iterations and through different guards.
def ints(n):
    acc = 0
    flag = False
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
        flag = acc > 500000
        if i == n - 7:
            acc = "switched"  # the int guard on acc fails next iteration
            break
    return acc, flag, i


def floats(n):
    x = 0.5
    y = -0.0
    for i in range(n):
        x = x * 1.5 + 0.25
        y = -x if i % 2 else x * 0.0
        if i == n - 3:
            return x, y, i, x > 1e300
    return x, y


def nan_and_inf(n):
    x = 1e300
    total = 0.0
    for i in range(n):
        x = x * 10.0
        total = total + x - x  # inf - inf: nan from the first overflow on
        if i == n - 1:
            break
    return x, total, total != total


def wide_range(start, n):
    last = None
    for i in range(start, start + n):
        last = i
        if i % 97 == 13:
            last = (i, i * 2)
    return last


def wide_ints(n):
    # Past 2**47 the box would need a big int: the exit stub makes it.
    big = 0
    neg = 0
    for i in range(n):
        big = i * 1099511627776
        neg = -big - i
        if i == n - 1:
            break
    return big, neg


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def wide_with_virtual(n):
    # A virtual object in the same exit: that exit keeps the checked box.
    last = None
    big = 0
    for i in range(n):
        big = i * 1099511627776
        p = Pair(i, big)
        if i % 50 == 49:
            last = p
    return big, last.a, last.b


def accumulators(n):
    # Float and int accumulators go around the loop unboxed.
    neg = -0.0
    total = 0.0
    weird = 1.0
    count = 0
    for i in range(n):
        neg = neg * 1.0
        total += i * 0.5
        weird = weird * 1e300 if i < 3 else weird - weird
        count += i
        if i == n - 2:
            break
    return neg, total, weird, count


print(ints(500))
print(ints(2000))
print(floats(60))
print(nan_and_inf(50))
print(wide_range(2**46 - 40, 80))
print(wide_range(2**47 - 40, 80))
print(wide_range(-2**47 - 40, 80))
print(wide_ints(100))
print(accumulators(10), accumulators(200))
print(wide_ints(300))
print(wide_with_virtual(300))
# expect: ('switched', True, 493)
# expect: ('switched', True, 1993)
# expect: (16341541651.470232, -16341541651.470232, 57, False)
# expect: (inf, nan, True)
# expect: 70368744177703
# expect: 140737488355367
# expect: -140737488355289
# expect: (108851651149824, -108851651149923)
# expect: (-0.0, 18.0, nan, 36) (-0.0, 9850.5, nan, 19701)
# expect: (328753976705024, -328753976705323)
# expect: (328753976705024, 299, 328753976705024)
