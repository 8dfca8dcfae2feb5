# An inner loop left by `break` resumes where the loop's end would: its
# trace's exit goes on at the `break`'s jump target, so an outer trace that
# ran the inner loop (run_loop) carries on in compiled code. Each case
# leaves the inner loop at varying iteration counts, by `break` or by its
# condition, raises in it, changes a type it assumed, or patches what the
# outer loop calls mid-run.


# ---- fannkuch's shape: `while True` left by `break` after 1..n passes
def counting_order(n, rounds):
    count = [0] * n
    r = n
    out = 0
    steps = 0
    while steps < rounds:
        while r != 1:
            count[r - 1] = r
            r -= 1
        steps += 1
        while True:
            if r == n:
                return out, steps
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        out = (out * 31 + r * 7 + count[r]) % 1000003
    return out, steps


print(counting_order(6, 100000))  # expect: (103052, 720)
print(counting_order(5, 50))  # expect: (10084, 50)


# ---- `while` with a condition and a `break`: both leave to the same pc
def scan(rows, limit):
    total = 0
    for row in rows:
        j = 0
        while j < len(row):
            if row[j] > limit:
                break
            j += 1
        total += j * 3 + (row[j] if j < len(row) else 100)
    return total


grid = [[(r * 7 + c * 5) % 13 for c in range(r % 9)] for r in range(400)]
print(scan(grid, 9), scan(grid, 20))  # expect: 16997 44770


# ---- `for ... else`: `break` skips the `else`, the loop's end runs it
def first_multiple(rows, m):
    hits = 0
    misses = 0
    for row in rows:
        for v in row:
            if v % m == 0:
                hits += v
                break
        else:
            misses += 1
    return hits, misses


rows = [[r * 3 + k for k in range(1 + r % 5)] for r in range(300)]
print(first_multiple(rows, 4), first_multiple(rows, 7))  # expect: (94560, 90) (58079, 171)


# ---- `break` out of an `if`/`else` arm: the `else` arm's jump is threaded too
def arms(n):
    acc = 0
    for i in range(n):
        k = 0
        while True:
            if k * k > i:
                acc += k
                break
            else:
                k += 1
        acc = (acc * 3 + k) % 99991
    return acc


print(arms(2000))  # expect: 98559


# ---- an exception raised in the inner loop, caught in the outer body
def divide_rows(rows):
    ok = 0
    bad = 0
    for row in rows:
        try:
            q = 0
            while True:
                q += 100 // row[q % len(row)]
                if q > 300:
                    break
            ok += q
        except ZeroDivisionError:
            bad += 1
    return ok, bad


drows = [[1 + (r % 4), 2, 3 + (r % 3)] for r in range(200)]
drows[77] = [0, 5, 1]
drows[150] = [0]
print(divide_rows(drows))  # expect: (68354, 2)


# ---- a guard of the inner loop's trace fails part-way (float, then str)
def mixed(rows):
    total = 0
    for row in rows:
        i = 0
        while True:
            total += row[i]
            i += 1
            if i >= 3:
                break
    return total


mrows = [[1, 2, 3]] * 150 + [[1, 2.5, 3]] * 3 + [[4, 5, 6]] * 60
print(mixed(mrows))  # expect: 1819.5
try:
    print(mixed(mrows[:40] + [[1, "x", 2]]))
except TypeError as e:
    print("TypeError")  # expect: TypeError


# ---- the function the outer loop calls is rebound mid-run
def step(v):
    return v + 1


def step2(v):
    return v + 2


def walk(n):
    global step
    total = 0
    for i in range(n):
        k = 0
        while True:
            k = step(k)
            if k >= i % 7:
                break
        total += k
        if i == n // 2:
            step = step2
    return total


print(walk(3000))  # expect: 10280
