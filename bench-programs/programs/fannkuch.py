# Fannkuch-redux: the Benchmarks Game permutation pancake-flipping benchmark.
# Stresses: small int lists, slicing and in-place reversal, tight int loops.


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k != 0:
            i = 0
            j = k
            while i < j:
                t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # Next permutation in the counting order.
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main(n, repeats):
    total = 0
    for _ in range(repeats):
        checksum, max_flips = fannkuch(n)
        total += checksum + max_flips
    print(f"fannkuch {n}\n{checksum}\nPfannkuchen({n}) = {max_flips}\ntotal {total}")


main(9, 1)
