# Builtins (len, abs, str, range) are shadowed by module globals mid-loop, then unshadowed.
data = [1, 2, 3]

def measure(x):
    return len(x) + abs(-len(x))

total = 0
for i in range(400):
    if i == 100:
        def len(x):
            return 100
    if i == 200:
        abs = lambda v: 7
    if i == 300:
        del len
        del abs
    total += measure(data)
    if i % 50 == 0 or i in (99, 100, 199, 200, 299, 300):
        print(i, measure(data), total)
        # expect: 0 6 6
        # expect: 50 6 306
        # expect: 99 6 600
        # expect: 100 200 800
        # expect: 150 200 10800
        # expect: 199 200 20600
        # expect: 200 107 20707
        # expect: 250 107 26057
        # expect: 299 107 31300
        # expect: 300 6 31306
        # expect: 350 6 31606
print(total)  # expect: 31900

# A builtin shadowed at iteration 100 of a module-level loop that calls it directly.
values = []
for i in range(300):
    if i == 100:
        str = lambda v: "<%d>" % v
    if i == 200:
        del str
    values.append(str(i))
print(values[99], values[100], values[199], values[200], len(values))  # expect: 99 <100> <199> 200 300

# Shadowing the loop's own iterator builtin after the loop has started.
count = 0
for i in range(200):
    if i == 50:
        range = lambda n: [n, n]
    count += 1
print(count, range(3))  # expect: 200 [3, 3]
del range
print(list(range(3)))  # expect: [0, 1, 2]
