# A generator's own loop that yields only now and then (long runs of skipped
# values between yields): once the for loop resuming it has a trace, the
# generator's loop gets a trace of its own for the skipping runs. The runs
# end with a yield, an exception, the generator's return, or the consumer
# leaving the loop.


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def scaled(source, k):
    for x in source:
        yield x * k % 1009


def only_odd(source):
    for x in source:
        if x & 1:
            yield x


def consume(k, n):
    total = 0
    count = 0
    for x in only_odd(scaled(numbers(n), k)):
        total = (total * 7 + x) % 1000003
        count += 1
    return total, count


for k in (3, 4, 2, 6, 5, 8):
    print("consume", k, consume(k, 20000))


# The skipping run raises part-way through.
def picky(source, limit):
    for x in source:
        if x > limit:
            raise ValueError("too big: " + str(x))
        if x % 50 == 0:
            yield x


for limit in (900, 2500, 4999):
    got = []
    try:
        for v in picky(numbers(5000), limit):
            got.append(v)
    except ValueError as e:
        print("raised", e, len(got), got[-1])


# The consumer leaves mid-run; the generator is resumed later by next().
def sparse(n, every):
    i = 0
    while i < n:
        i += 1
        if i % every == 0:
            yield i


for every in (97, 300):
    g = sparse(100000, every)
    seen = []
    for v in g:
        seen.append(v)
        if len(seen) == 40:
            break
    print("left", every, seen[-1], next(g), next(g), sum(g))


# Skipping runs that allocate (the GC runs inside them).
def kept_strings(n):
    keep = []
    for i in range(n):
        s = str(i) * 3
        if i % 400 == 399:
            keep.append(s)
            yield len(keep), s[:6]


last = None
for item in kept_strings(40000):
    last = item
print("strings", last)

# expect: consume 3 (438221, 9990)
# expect: consume 4 (773737, 9900)
# expect: consume 2 (872896, 9900)
# expect: consume 6 (652361, 9912)
# expect: consume 5 (281175, 9990)
# expect: consume 8 (753463, 9954)
# expect: raised too big: 901 19 900
# expect: raised too big: 2501 51 2500
# expect: left 97 3880 3977 4074 51416014
# expect: left 300 12000 12300 12600 16412400
# expect: strings (100, '399993')
