# Integer algorithms: gcd, primes by sieve, integer square root.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

print(gcd(48, 18), gcd(17, 5), gcd(2 ** 40, 6 ** 20))  # expect: 6 1 1048576

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    p = 2
    while p * p <= n:
        if flags[p]:
            for multiple in range(p * p, n + 1, p):
                flags[multiple] = False
        p += 1
    return [i for i in range(n + 1) if flags[i]]

primes = sieve(100)
print(primes)  # expect: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]
print(len(sieve(5000)), sum(sieve(5000)))  # expect: 669 1548136

def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

print(isqrt(10 ** 30), isqrt(99), isqrt(2 ** 101))  # expect: 1000000000000000 9 1592262918131443
