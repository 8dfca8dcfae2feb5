# Functions returning tuples and unpacking them.
def min_max(values):
    lo = hi = values[0]
    for v in values[1:]:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi

lo, hi = min_max([4, -1, 9, 3])
print(lo, hi)  # expect: -1 9
result = min_max([2, 2])
print(result, type(result).__name__)  # expect: (2, 2) tuple

def divide(a, b):
    return a // b, a % b

for a, b in [(17, 5), (-17, 5), (100, 7)]:
    q, r = divide(a, b)
    print(a, b, q, r, q * b + r == a)
    # expect: 17 5 3 2 True
    # expect: -17 5 -4 3 True
    # expect: 100 7 14 2 True
pairs = list(zip("abc", range(3)))
print(pairs)  # expect: [('a', 0), ('b', 1), ('c', 2)]
letters, numbers = zip(*pairs)
print(letters, numbers)  # expect: ('a', 'b', 'c') (0, 1, 2)
