# Function traces fold globals behind the module's version guard: rebinding
# a global (the function itself, a constant it reads) in the middle of a
# recursion must take effect at once.
LIMIT = 5
calls = []


def countdown(n):
    if n <= LIMIT:
        return [n]
    return [n] + countdown(n - 1)


def rebinding(n):
    global LIMIT
    if n == 12:
        LIMIT = 10
    if n <= LIMIT:
        return n
    return rebinding(n - 1) * 2


def original(n):
    if n == 0:
        return "done"
    if n == 3:
        global step
        step = replacement
    return step(n - 1)


def replacement(n):
    calls.append(n)
    if n == 0:
        return "replaced"
    return replacement(n - 1)


step = original
for i in range(6):
    print(countdown(8 + i))
    # expect: [8, 7, 6, 5]
    # expect: [9, 8, 7, 6, 5]
    # expect: [10, 9, 8, 7, 6, 5]
    # expect: [11, 10, 9, 8, 7, 6, 5]
    # expect: [12, 11, 10, 9, 8, 7, 6, 5]
    # expect: [13, 12, 11, 10, 9, 8, 7, 6, 5]
LIMIT = 0
print(rebinding(20), LIMIT)  # expect: 10240 10
LIMIT = 2
print(countdown(6))  # expect: [6, 5, 4, 3, 2]
print(original(10), calls)  # expect: replaced [2, 1, 0]
step = original
print(original(2))  # expect: done
del calls[:]


def shadowed(n):
    if n == 0:
        return len("abc")
    return shadowed(n - 1) + 1


print([shadowed(i) for i in range(5)])  # expect: [3, 4, 5, 6, 7]


def len(x):
    return 100


print([shadowed(i) for i in range(5)])  # expect: [100, 101, 102, 103, 104]
