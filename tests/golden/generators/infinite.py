# Infinite generators consumed partially.
def naturals():
    n = 0
    while True:
        yield n
        n += 1

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, iterable):
    result = []
    for item in iterable:
        if len(result) >= n:
            break
        result.append(item)
    return result

print(take(5, naturals()))  # expect: [0, 1, 2, 3, 4]
print(take(15, fib()))  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]
def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found):
            found.append(n)
            yield n
print(take(10, primes()))  # expect: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
evens = (n for n in naturals() if n % 2 == 0)
print(next(evens), next(evens), next(evens))  # expect: 0 2 4
