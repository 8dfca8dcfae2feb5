# One function called with changing argument counts, defaults, keywords, *args and **kwargs.
def f(a, b=10, *rest, c=100, **extra):
    return a + b + sum(rest) + c + sum(extra.values())

total = 0
for i in range(600):
    k = i % 8
    if k == 0:
        r = f(i)
    elif k == 1:
        r = f(i, 1)
    elif k == 2:
        r = f(i, 1, 2, 3)
    elif k == 3:
        r = f(i, c=0)
    elif k == 4:
        r = f(b=i, a=1)
    elif k == 5:
        r = f(*[i, 2, 3, 4, 5])
    elif k == 6:
        r = f(i, **{"c": 1, "z": 1000})
    else:
        r = f(i, 2, *range(3), c=-1, w=5)
    total += r
    if i < 8 or i % 100 == 0:
        print(i, r)
        # expect: 0 110
        # expect: 1 102
        # expect: 2 108
        # expect: 3 13
        # expect: 4 105
        # expect: 5 119
        # expect: 6 1017
        # expect: 7 16
        # expect: 100 201
        # expect: 200 310
        # expect: 300 401
        # expect: 400 510
        # expect: 500 601
print(total)  # expect: 296850

# Defaults are evaluated once: a mutable default accumulates across calls.
def collect(x, into=[]):
    into.append(x)
    return len(into)

for i in range(300):
    n = collect(i)
print(n, collect(-1, []), collect(5))  # expect: 300 1 301

# Wrong argument counts mid-loop raise TypeError, caught.
def two(a, b):
    return a - b
errors = []
for i in range(300):
    try:
        if i % 100 == 99:
            two(i)
        elif i % 100 == 50:
            two(i, 1, 2)
        elif i == 175:
            two(i, c=3)
        else:
            two(i, b=1)
    except TypeError as e:
        errors.append(str(e))
print(len(errors))  # expect: 7
for e in sorted(set(errors)):
    print(e)
    # expect: two() got an unexpected keyword argument 'c'
    # expect: two() missing 1 required positional argument: 'b'
    # expect: two() takes 2 positional arguments but 3 were given
