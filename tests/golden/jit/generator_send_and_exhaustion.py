# send() into a generator from a hot loop, and generators exhausted mid-loop.
def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count

avg = running_average()
next(avg)
for i in range(400):
    a = avg.send(i % 17)
    if i % 100 == 0:
        print(i, a)
        # expect: 0 0.0
        # expect: 100 7.920792079207921
        # expect: 200 7.895522388059701
        # expect: 300 7.900332225913621
try:
    avg.send(None)
except StopIteration as stop:
    print("finished after", stop.value)  # expect: finished after 400

# A generator exhausted in the middle of a while loop driven by next().
def limited(n):
    for i in range(n):
        yield i

g = limited(250)
consumed = 0
while True:
    v = next(g, None)
    if v is None:
        break
    consumed += v
print(consumed, next(g, "done"))  # expect: 31125 done

# next() without a default raises StopIteration at exhaustion, caught in the loop.
def three():
    yield 1
    yield 2
    yield 3

rounds = 0
stops = 0
for i in range(300):
    if i % 4 == 0:
        gen = three()
    try:
        rounds += next(gen)
    except StopIteration:
        stops += 1
print(rounds, stops)  # expect: 450 75

# zip over generators of different lengths stops at the first exhausted one.
def count_to(n):
    i = 0
    while i < n:
        yield i
        i += 1
zipped = 0
for a, b in zip(count_to(300), count_to(220)):
    zipped += a + b
print(zipped)  # expect: 48180
