# The raw tier's register cache (asm/reg_cache.rs): values kept in registers
# across guards that fail, helper calls, loop headers and bridges, with more
# values live at once than the cache has registers.


def helper(x):
    return x * 3 + 1


def across_calls(n):
    total = 0
    i = 0
    while i < n:
        a = i * 2
        b = a + 7
        c = helper(b)  # a call: the cache keeps only its result
        total = total + a + b + c + len("abc")
        i = i + 1
    return total


def across_failing_guard(n):
    total = 0
    k = 0
    xs = [1, 2, 3, 4, 5.5, 6, 7, "8", 9, 10] * 3
    while k < len(xs):
        v = xs[k]
        w = k + 1
        if k % 4 == 3:
            w = w * 2
        # `v` changes type mid-loop: the guard on it leaves while `w` is
        # cached.
        if isinstance(v, str):
            total = total + w + len(v)
        else:
            total = total + v * w + w
        k = k + 1
    return total


def nested_headers(n):
    acc = 0
    i = 0
    while i < n:
        base = i * 3
        keep = base + 1
        j = 0
        while j < 5:
            acc = acc + base + j + keep
            j = j + 1
        acc = acc - keep + base
        i = i + 1
    return acc


def many_live(n):
    t = 0
    i = 0
    while i < n:
        a = i + 1
        b = i + 2
        c = i + 3
        d = i + 4
        e = i + 5
        f = i + 6
        t = t + a * b - c * d + e * f - a + b - c + d - e + f
        if i > n - 20:
            # A bridge late in the loop reads them all.
            t = t + a + b + c + d + e + f
        i = i + 1
    return t


def floats(n):
    x = 0.5
    y = 1.25
    s = 0.0
    i = 0
    while i < n:
        p = x * y
        q = p + x
        r = q - y * 0.5
        s = s + p + q + r
        if i == 60:
            x = 2  # an int now: the float guards leave
        x = x + 0.001
        i = i + 1
    return s


def int_overflow(n):
    # Values cached before an overflowing multiply: its exit reads them.
    v = 3
    m = 1
    i = 0
    while i < n:
        m = m * v + i
        i = i + 1
    return m % 1000003


print(across_calls(300))  # expect: 458100
print(across_failing_guard(30))  # expect: 3407.5
print(nested_headers(200))  # expect: 599800
print(many_live(300))  # expect: 9309359
print(round(floats(200), 6))  # expect: 1715.345
print(int_overflow(80))  # expect: 277502
