# Membership tests in sets inside loops (two-sum, common elements, first repeat).
def two_sum(values, target):
    seen = set()
    for v in values:
        if target - v in seen:
            return (target - v, v)
        seen.add(v)
    return None
print(two_sum([3, 9, 14, 2, 7, 11], 9), two_sum([1, 2], 10))  # expect: (2, 7) None
def first_repeat(values):
    seen = set()
    for i, v in enumerate(values):
        if v in seen:
            return i, v
        seen.add(v)
    return None
print(first_repeat([5, 3, 8, 1, 3, 5]), first_repeat([1, 2, 3]))  # expect: (4, 3) None
a = set(range(0, 1000, 3))
b = set(range(0, 1000, 7))
print(len(a & b), min(a & b - {0}), max(a | b))  # expect: 48 21 999
