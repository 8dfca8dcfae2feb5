# Functions, closures and generator expressions made inside hot loops: each
# iteration's new function sees its own defaults and captured cells.


def make_adders(n):
    adders = []
    for i in range(n):
        def add(x, i=i, *, scale=2):
            return x * scale + i
        adders.append(add)
    return adders


def closures(n):
    out = []
    for i in range(n):
        k = i * 3
        out.append(lambda x: x + k + i)
    # Cells: every lambda sees the loop's last values.
    return [f(1) for f in out[:3]], out[-1](0)


def fresh_cells(n):
    total = 0
    for i in range(n):
        def outer(j):
            def inner(x):
                return x * j
            return inner
        total += outer(i)(2)
    return total


def generator_rounds(n):
    total = 0
    for k in range(n):
        total += sum(x * k for x in range(10) if x & 1)
        total += max((x - k) % 7 for x in range(k + 1))
        for v in (y + k for y in range(3)):
            total += v
        total += len(list(x for x in range(k % 5)))
    return total


def changing_defaults(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            def f(x, y=100):
                return x + y
        else:
            def f(x, y=i):
                return x - y
        total += f(i)
        total += f(i, 1)
    return total


print([a(10) for a in make_adders(5)])  # expect: [20, 21, 22, 23, 24]
print(len(make_adders(300)), make_adders(300)[299](1))  # expect: 300 301
print(closures(200))  # expect: ([797, 797, 797], 796)
print(fresh_cells(300))  # expect: 89700
print(generator_rounds(200))  # expect: 559394
print(changing_defaults(200))  # expect: 19902
print(make_adders(3)[1].__name__, make_adders(3)[2](0), make_adders(3)[0](1, scale=5))  # expect: add 2 5
