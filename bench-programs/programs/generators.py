# Generators pipeline: chained generator functions and generator expressions
# (source -> map -> filter -> window -> reduce), plus yield from.
# Stresses: generator creation, resumption and suspension; iteration protocol.


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


def pairs(source):
    prev = None
    for x in source:
        if prev is not None:
            yield prev, x
        prev = x


def flatten(groups):
    for g in groups:
        yield from g


def pipeline(n, k):
    total = 0
    count = 0
    for a, b in pairs(only_odd(scaled(numbers(n), k))):
        total = (total + a * b) % 1000000007
        count += 1
    return total, count


def main():
    checksum = 0
    for k in range(3, 9):
        total, count = pipeline(300000, k)
        checksum = (checksum * 31 + total + count) % 1000000007
    squares = sum(x * x for x in range(250000) if x % 3 != 0)
    flat = sum(flatten([range(i) for i in range(300)]))
    print("generators", checksum, squares, flat)


main()
