# A for loop over a generator whose own body is a loop; both loops get hot.
def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1

total = 0
for rep in range(6):
    for s in squares(150):
        total += s
    print(rep, total)
    # expect: 0 1113775
    # expect: 1 2227550
    # expect: 2 3341325
    # expect: 3 4455100
    # expect: 4 5568875
    # expect: 5 6682650

def evens_then_text(n):
    for i in range(n):
        if i < n // 2:
            yield i * 2
        else:
            yield "e%d" % i  # the yielded type changes half way

nums = 0
texts = []
for v in evens_then_text(400):
    if isinstance(v, int):
        nums += v
    else:
        texts.append(v)
print(nums, len(texts), texts[0], texts[-1])  # expect: 39800 200 e200 e399

# Generator pipelines: a generator consuming another generator.
def naturals():
    n = 0
    while True:
        yield n
        n += 1

def take_while_small(gen, limit):
    for v in gen:
        if v >= limit:
            return
        yield v

def pairs(gen):
    prev = None
    for v in gen:
        if prev is not None:
            yield prev, v
        prev = v

acc = 0
for a, b in pairs(take_while_small(naturals(), 500)):
    acc += a * b % 7
print(acc)  # expect: 1493

# Generator expressions consumed by builtins inside a loop.
res = []
for k in range(1, 200):
    res.append(sum(x % k for x in range(50)) + max((x * k) % 13 for x in range(20)))
print(res[:5], sum(res))  # expect: [12, 37, 61, 85, 112] 212345
