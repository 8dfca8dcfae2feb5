# Generators resumed by hot `for` loops are recorded into the loop's trace
# (their frames entered like inlined calls, their yields returning to the
# loop body). Each part leaves the trace from inside the generator's frame
# in a different way, and the generator must stay exactly resumable.


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens_only(source):
    for x in source:
        if x % 2 == 0:
            yield x


def typed(n):
    # The yielded value changes type mid-loop: int, float, big int, str.
    for i in range(n):
        if i < 100:
            yield i
        elif i < 200:
            yield i * 0.25
        elif i < 300:
            yield 2**64 + i
        else:
            yield "s" + str(i % 7)


def raises_at(n, at):
    for i in range(n):
        if i == at:
            raise ZeroDivisionError("raised at " + str(i))
        yield 100 // (at - i)


class Scale:
    factor = 3


def scaled(source):
    for x in source:
        yield x * Scale.factor


# Guards inside the generator's frame fail as types change.
ints = 0
floats = 0.0
bigs = 0
strs = []
for v in typed(320):
    if isinstance(v, str):
        strs.append(v)
    elif isinstance(v, float):
        floats += v
    elif v > 2**63:
        bigs += v
    else:
        ints += v
print(ints, floats, bigs % 1000003, "".join(strs[:6]))  # expect: 4950 3737.5 93545 s6s0s1s2s3s4

# An exception raised inside the generator's frame crosses the loop.
for rep in range(3):
    total = 0
    try:
        for v in raises_at(200, 150 + rep):
            total += v
    except ZeroDivisionError as e:
        print("caught", e, total)
        # expect: caught raised at 150 482
        # expect: caught raised at 151 482
        # expect: caught raised at 152 482

# Breaking out and resuming by hand: the generator's saved state is right.
g = count_up(1000)
seen = 0
for v in g:
    seen += v
    if v == 250:
        break
print(seen, next(g), next(g))  # expect: 31375 251 252
rest = 0
for v in g:
    rest += v
print(rest)  # expect: 467622
try:
    next(g)
except StopIteration:
    print("exhausted")  # expect: exhausted

# A class attribute the generator reads is patched mid-loop.
acc = 0
k = 0
for v in scaled(count_up(400)):
    acc += v
    k += 1
    if k == 200:
        Scale.factor = 5
print(acc)  # expect: 359200

# Nested generators, and a generator finishing at different points.
sizes = []
for n in range(50, 70):
    s = 0
    for v in evens_only(count_up(n)):
        s += v
    sizes.append(s)
print(sizes)  # expect: [600, 650, 650, 702, 702, 756, 756, 812, 812, 870, 870, 930, 930, 992, 992, 1056, 1056, 1122, 1122, 1190]

# The loop body itself resumes the generator it iterates (next() inside).
g = count_up(600)
pairs = 0
for a in g:
    b = next(g, None)
    if b is None:
        break
    pairs += a * b
print(pairs)  # expect: 35909900

# A generator closed from the loop body: its `finally` runs then.
def watched(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("finally ran")


for i in range(2):
    w = watched(300)
    total = 0
    for v in w:
        total += v
        if v == 200 + i:
            break
    w.close()  # expect: finally ran
    print("stopped", total)
    # expect: stopped 20100
    # expect: finally ran
    # expect: stopped 20301
