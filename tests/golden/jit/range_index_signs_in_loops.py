# Index guards on `for` loop positions: the optimizer proves `i >= 0` in the
# loop body from the position's start and a positive step. Loops that start
# or move below zero must still index from the end.


def forward(lst, start, stop, step):
    total = 0
    for i in range(start, stop, step):
        total += lst[i] * (i + 1)
    return total


def backward(lst, n):
    out = []
    for i in range(n, -len(lst) - 1, -1):
        out.append(lst[i])
    return out


def countdown(lst):
    r = len(lst) - 1
    acc = 0
    while r != -4:
        acc += lst[r]
        r -= 1
    return acc


data = list(range(10, 60))
print(forward(data, 0, 50, 1), forward(data, 3, 50, 2), forward(data, -20, 30, 1))
print(forward(data, -50, 50, 3), forward(data, 49, -51, -1))
print(backward(data, 5)[:8], len(backward(data, 49)))
print(countdown(data), countdown(list(range(7))))
# expect: 54400 27928 4900
# expect: 8364 22550
# expect: [15, 14, 13, 12, 11, 10, 59, 58] 100
# expect: 1899 36
