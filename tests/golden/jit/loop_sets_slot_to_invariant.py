# A loop that sets a variable to a value from before the loop on every
# iteration: the optimizer's phi for it carries a preamble value around.
def alternate(n):
    a = {1: 2}
    b = {3: 4, 5: 6}
    cur = a
    t = 0
    for i in range(n):
        cur = b if cur is a else a
        t += len(cur)
    return t, cur is a


def constant_each_time(n):
    base = [7, 8, 9]
    last = None
    total = 0
    for i in range(n):
        last = base
        total += last[i % 3]
    return total, last is base


print(alternate(1000), alternate(1001))
print(constant_each_time(500))
# expect: (1500, True) (1502, False)
# expect: (3999, True)
