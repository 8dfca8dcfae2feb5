# Peeled loop bodies count their passes down to the next flag poll in a
# stack slot: inner loops of every length around the poll period (0, 1, 2,
# 63, 64, 65, 127, 128, 129 passes), entered many times from an outer loop
# and from calls, with exits from the first pass, bridges back to the loop's
# entry and values carried across the poll keep CPython's results.
def run(n, step):
    total = 0
    i = 0
    while i < n:
        total += i * step
        i += 1
    return total, i

lengths = [0, 1, 2, 63, 64, 65, 127, 128, 129]
acc = 0
for rep in range(700):
    n = lengths[rep % len(lengths)]
    t, i = run(n, rep % 7)
    acc = (acc * 31 + t + i) % 1000003
print(acc)  # expect: 425570

# The same lengths as a nested loop of one function (entered from an outer trace).
def nested(rounds):
    out = 0
    for r in range(rounds):
        n = lengths[r % len(lengths)]
        j = 0
        x = 0.5
        while j < n:
            x = x * 1.0001 + j
            j += 1
        out += j + int(x) % 1000
    return out

print(nested(900))  # expect: 212800

# A body with a side exit every 65th pass that turns into a bridge, and
# values (ints and floats) read by the exit after the countdown wrapped.
def bridged(n):
    k = 0
    f = 0.0
    odd = 0
    while k < n:
        if k % 65 == 64:
            odd += k
        f += 0.25
        k += 1
    return k, f, odd

print([bridged(m) for m in (0, 1, 64, 65, 66, 130, 1000, 5000)])  # expect: [(0, 0.0, 0), (1, 0.25, 0), (64, 16.0, 0), (65, 16.25, 64), (66, 16.5, 64), (130, 32.5, 193), (1000, 250.0, 7785), (5000, 1250.0, 190114)]

# A loop that exits from its first body pass most of the time (a loop
# averaging about one pass per entry).
def first_pass_exit(items):
    found = 0
    for rounds in range(2000):
        for v in items:
            if v > rounds % 3:
                found += v
                break
    return found

print(first_pass_exit([0, 1, 2, 3]))  # expect: 3999
