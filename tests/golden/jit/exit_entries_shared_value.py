# Exits whose snapshot writes one unboxed value to several slots (a variable
# and the copies made of it): the exit stub boxes it once and stores the box
# to each slot. Guards fail at different points with small ints, ints too
# wide for a small int (boxed as big ints on the way out), floats and bools
# in those slots, and the values must all come back right after the exit.


def small_ints(n):
    total = 0
    for i in range(n):
        a = i * 3 + 1
        b = a
        c = a
        if i == n - 7:
            # A new type in the loop: the guard below leaves with a, b, c.
            total = total + 0.5
        total += a + b + c
    return total, a, b, c


def wide_ints(n):
    x = 1 << 40
    seen = 0
    for i in range(n):
        y = x * (i + 1)
        z = y
        w = y
        if i > n - 4:
            seen += (z == w) + (y is z)
        x = x + 1
        if i == n - 2:
            x = "leave"
            break
    return seen, y, z, w, x


def floats_and_bools(n):
    out = []
    for i in range(n):
        f = i * 0.25
        g = f
        flag = i % 5 == 0
        other = flag
        if i == n - 3:
            out.append((f, g, flag, other))
            f = None
        out.append(g if flag else -g)
    return out[-4:], f, g, flag, other


def copies_through_a_call(n):
    def ident(v):
        return v

    acc = 0
    for i in range(n):
        k = i + 100
        m = ident(k)
        j = k
        if m != j:
            acc -= 1
        acc += m - j + k
        if i == n // 2:
            k = [k]
            acc += len(k)
    return acc


print(small_ints(60))  # expect: (16110.5, 178, 178, 178)
print(wide_ints(50))  # expect: (4, 53876069763376, 53876069763376, 53876069763376, 'leave')
print(floats_and_bools(40))  # expect: ([(9.25, 9.25, False, False), -9.25, -9.5, -9.75], 9.75, 9.75, False, False)
print(copies_through_a_call(80))  # expect: 11161
