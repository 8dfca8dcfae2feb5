# Closures capture variables, not values; nonlocal rebinds them.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())  # expect: 1 2 3 1
def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x, i=i: x + i)
    return adders
print([add(10) for add in make_adders()])  # expect: [10, 11, 12]
def late_binding():
    fns = [lambda: i for i in range(3)]
    return [f() for f in fns]
print(late_binding())  # expect: [2, 2, 2]
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())  # expect: changed
def accumulator(start):
    total = start
    def add(n):
        nonlocal total
        total += n
        return total
    def get():
        return total
    return add, get
add, get = accumulator(100)
add(5)
add(-20)
print(get())  # expect: 85
