# Swaps and rotations evaluate the whole right side first.
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)  # expect: 3 1 2
xs = [5, 6, 7]
xs[0], xs[2] = xs[2], xs[0]
print(xs)  # expect: [7, 6, 5]
i = 0
i, xs[i] = 1, 99
print(i, xs)  # expect: 1 [7, 99, 5]
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(n) for n in range(12)])  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
def bubble(items):
    items = list(items)
    for end in range(len(items) - 1, 0, -1):
        for k in range(end):
            if items[k] > items[k + 1]:
                items[k], items[k + 1] = items[k + 1], items[k]
    return items
print(bubble([5, 2, 8, 1, 9, 3]))  # expect: [1, 2, 3, 5, 8, 9]
