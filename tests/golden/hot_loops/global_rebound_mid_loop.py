# Globals and builtins rebound while a loop uses them.
LIMIT = 5
def f(x):
    return x + LIMIT

total = 0
for i in range(60):
    if i == 30:
        LIMIT = 1000
    total += f(i)
print(total)  # expect: 31920
def g(x):
    return x * 2
values = []
for i in range(20):
    if i == 10:
        def g(x):
            return x * 3
    values.append(g(i))
print(values)  # expect: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57]
