# Closures that read and write nonlocal variables, called from hot loops.
def make_counter(step):
    count = 0
    def inc():
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc_a, get_a = make_counter(1)
inc_b, get_b = make_counter(3)
for i in range(500):
    inc_a()
    if i % 2:
        inc_b()
    if i % 100 == 0:
        print(i, get_a(), get_b())
        # expect: 0 1 0
        # expect: 100 101 150
        # expect: 200 201 300
        # expect: 300 301 450
        # expect: 400 401 600
print(get_a(), get_b())  # expect: 500 750

# The enclosing function's loop and the closure update the same cell.
def outer(n):
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(n):
        add(i)
        total -= 1
    return total
print(outer(300), outer(0), outer(1))  # expect: 44550 0 -1

# Closures created in a loop capture the cell, not the value (late binding), unless a default is used.
late = []
early = []
for i in range(300):
    late.append(lambda: i)
    early.append(lambda i=i: i)
print(late[0](), late[150](), early[0](), early[150](), sum(f() for f in early))  # expect: 299 299 0 150 44850

# A nonlocal that changes type (int -> str) inside the closure.
def morph():
    v = 0
    def step(i):
        nonlocal v
        if i == 200:
            v = str(v)
        elif isinstance(v, str):
            v = v[-5:] + str(i % 10)
        else:
            v += i
        return v
    return step
s = morph()
for i in range(300):
    r = s(i)
print(r, s(7))  # expect: 456789 567897
