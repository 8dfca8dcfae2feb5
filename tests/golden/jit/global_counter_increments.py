# A global counter incremented at module level and from functions called inside the loop.
counter = 0
calls = 0

def bump(n):
    global counter, calls
    calls += 1
    counter += n
    return counter

def bump_twice(n):
    bump(n)
    return bump(-1)

for i in range(500):
    counter += 1
    if i % 2:
        bump(i)
    else:
        last = bump_twice(i)
    if i % 100 == 0:
        print(i, counter, calls, last)
        # expect: 0 0 2 0
        # expect: 100 5100 152 5100
        # expect: 200 20200 302 20200
        # expect: 300 45300 452 45300
        # expect: 400 80400 602 80400
print(counter, calls)  # expect: 125000 750

# A function's own loop increments a global while the module loop reads it.
hits = 0
def inner_loop(k):
    global hits
    for j in range(k):
        hits += j % 3
    return hits

snapshot = []
for i in range(60):
    before = hits
    after = inner_loop(i)
    snapshot.append(after - before)
print(hits, snapshot[:10], snapshot[-1])  # expect: 1730 [0, 0, 1, 3, 3, 4, 6, 6, 7, 9] 58

# Global big-int counter.
big = 2 ** 62
def grow():
    global big
    big += 2 ** 60
for i in range(300):
    grow()
print(big, big > 2 ** 63)  # expect: 350488137400481480704 True
