# Outer loops around inner loops that the outer trace runs through their own
# traces: what the inner loop writes (and only that) must be reloaded after it.


def writes_some_outer_variables(n):
    total = 0
    last = -1
    k = 0
    for i in range(n):
        x = i * 2
        j = 0
        while j < (i % 4) + 2:
            if j == 3:
                last = i  # only on some inner iterations
            total += x + j
            j += 1
        k += x + j  # x untouched by the inner loop, j written by it
    return total, last, k


def writes_the_outer_loop_variable(n):
    acc = 0
    for i in range(n):
        for j in range(2):
            i = i + j + 1
        acc += i
    return acc


def deletes_in_the_inner_loop(n):
    out = 0
    missing = 0
    for i in range(n):
        y = i
        for j in range(3):
            if j == 1 and i % 5 == 0:
                del y
                if i % 10 == 0:
                    y = -i
        try:
            out += y
        except UnboundLocalError:
            missing += 1
    return out, missing


def leaves_by_exception(n):
    acc = 0
    for i in range(n):
        s = i
        try:
            for j in range(5):
                s += j
                if i % 7 == 3 and j == 2:
                    raise ValueError(s)
        except ValueError as e:
            acc += e.args[0] * 1000
        acc += s
    return acc


def leaves_by_break(n):
    acc = 0
    for i in range(n):
        m = 0
        for j in range(10):
            m = j * i
            if j >= i % 6:
                break
        else:
            m = -1
        acc += m + j
    return acc


def changes_type_late(n):
    acc = 0
    for i in range(n):
        v = i
        j = 0
        while j < 3:
            if i > n // 2:
                v = v + 0.5
            else:
                v = v + 1
            j += 1
        acc += v
    return acc


def closure_writes_a_cell(n):
    c = 0

    def bump(k):
        nonlocal c
        c += k

    t = 0
    for i in range(n):
        before = c
        for j in range(3):
            bump(j + i % 2)
            t += c
        t += c - before
    return c, t


def comprehension_inside(n):
    acc = 0
    for i in range(n):
        w = i % 3
        for j in range(3):
            sq = [x * x + w for x in range(j + 1)]
            acc += sum(sq)
        acc += w
    return acc


def three_levels(n):
    acc = 0
    for a in range(n // 10):
        b_sum = 0
        for b in range(4):
            for c in range(3):
                b_sum += a * b + c
        acc += b_sum + a
    return acc


def generator_with_inner_loop(n):
    def gen():
        for i in range(n):
            s = 0
            for j in range(i % 4 + 1):
                s += j
            yield s + i

    return sum(gen())


def calls_inside(n):
    def f(a, b):
        z = a * b
        return z + 1

    acc = 0
    for i in range(n):
        p = i + 1
        for j in range(3):
            acc += f(p, j)
        acc += p
    return acc


def strings_and_lists(n):
    words = []
    for i in range(n):
        s = ""
        items = [i]
        for j in range(i % 3 + 1):
            s += str(j)
            items.append(j)
        words.append(s + ":" + str(len(items)))
    return len(words), words[-5:]


def scratch_locals(n):
    # `s` and `m` are rewritten before they are read in every inner
    # iteration and never read after the inner loop: dead at its header.
    acc = 0
    for i in range(n):
        s = [i, i + 1]
        m = i * 3
        for j in range(i % 5):
            s = [j, i]
            m = j + 1
            acc += s[0] + s[1] + m
            if j == 3 and i % 7 == 0:
                break
        acc += len(str(i))
    return acc


def scratch_then_exit(n):
    acc = 0
    for i in range(n):
        w = "x" * (i % 3)
        for j in range(3):
            w = str(j) * 2
            if i == n - 3 and j == 1:
                w = None  # a type the inner trace has not seen
            acc += 1 if w is None else len(w)
    return acc


N = 400
print(writes_some_outer_variables(N))  # expect: (561600, 399, 161000)
print(writes_the_outer_loop_variable(N))  # expect: 81000
print(deletes_in_the_inner_loop(N))  # expect: (56200, 40)
print(leaves_by_exception(N))  # expect: 11597401
print(leaves_by_break(N))  # expect: 200066
print(changes_type_late(N))  # expect: 80701.5
print(closure_writes_a_cell(N))  # expect: (1800, 1081000)
print(comprehension_inside(N))  # expect: 5193
print(three_levels(N))  # expect: 15300
print(generator_with_inner_loop(N))  # expect: 80800
print(calls_inside(N))  # expect: 322000
print(strings_and_lists(N))  # expect: (400, ['012:4', '0:2', '01:3', '012:4', '0:2'])
print(scratch_locals(N))  # expect: 163890
print(scratch_then_exit(N))  # expect: 2399
