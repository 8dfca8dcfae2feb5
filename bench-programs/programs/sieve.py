# Sieve of Eratosthenes, repeated, plus a segmented variant.
# Stresses: int arithmetic, list indexing and stores, while loops with strides.


def simple_sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    return flags


def count_and_sum(flags):
    count = 0
    total = 0
    for i in range(len(flags)):
        if flags[i]:
            count += 1
            total += i
    return count, total


def segmented_count(limit, segment):
    base = simple_sieve(int(limit**0.5) + 1)
    primes = [p for p in range(len(base)) if base[p]]
    count = 0
    low = 0
    while low <= limit:
        high = min(low + segment - 1, limit)
        seg = [True] * (high - low + 1)
        for p in primes:
            start = max(p * p, (low + p - 1) // p * p)
            for m in range(start, high + 1, p):
                seg[m - low] = False
        for k in range(len(seg)):
            n = low + k
            if seg[k] and n >= 2:
                count += 1
        low += segment
    return count


def main():
    checksum = 0
    for rnd in range(12):
        flags = simple_sieve(200000 + rnd)
        count, total = count_and_sum(flags)
        checksum = (checksum * 131 + count * 7 + total) % 1000000007
    seg = segmented_count(800000, 8192)
    print("sieve", checksum, seg)


main()
