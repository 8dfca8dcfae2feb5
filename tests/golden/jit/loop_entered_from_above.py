# A function whose loop already has a compiled trace enters that trace when
# it first reaches the loop's header (not only at its first back-edge), also
# when compiled code called it. Results, exceptions from the first
# iteration, loops skipped at once and headers whose guards fail at entry
# stay as in CPython.
def solve_bits(full, cols, left, right):
    if cols == full:
        return 1
    total = 0
    free = full & ~(cols | left | right)
    while free:
        bit = free & -free
        free -= bit
        total += solve_bits(full, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
    return total

print([solve_bits((1 << n) - 1, 0, 0, 0) for n in range(1, 9)])  # expect: [1, 0, 0, 2, 10, 4, 40, 92]

def walk(node):
    total = node[0]
    for child in node[1]:
        total += walk(child)
    return total

def tree(depth):
    if depth == 0:
        return (1, [])
    return (depth, [tree(depth - 1), tree(depth - 1), tree(depth - 1)])

print(walk(tree(6)))  # expect: 1272

def count_down(n):
    steps = 0
    while n:
        n -= 1
        steps += 1
    return steps

warm = 0
for i in range(100):
    warm += count_down(i % 7)
print(warm)  # expect: 295
# The header's guards fail at entry (a float, not an int), and a loop that
# does not run at all.
print(count_down(4.0), count_down(0), count_down(True))  # expect: 4 0 1

def first_fails(items, bad):
    total = 0
    for x in items:
        if x == bad:
            raise ValueError("bad item %r" % (x,))
        total += x
    return total

for i in range(100):
    first_fails([1, 2, 3, 4], -1)
try:
    first_fails([7, 2, 3], 7)
except ValueError as e:
    print("ValueError:", e)  # expect: ValueError: bad item 7
# A tuple, not a list: the iterator's guard fails at the header.
print(first_fails((5, 6), -1), first_fails(range(4), -1))  # expect: 11 6

def deep(n):
    total = 0
    for i in range(2):
        if i == 0:
            total += deep(n + 1)
    return total

try:
    deep(0)
except RecursionError:
    print("RecursionError")  # expect: RecursionError

def gen(n):
    total = 0
    for i in range(n):
        total += i
    yield total
    yield -total

print([x for k in range(60) for x in gen(k)][-4:])  # expect: [1653, -1653, 1711, -1711]
