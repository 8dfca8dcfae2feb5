# Recursive functions without loops get function traces (recorded from
# their entry): plain, mutual, nested-argument and accumulator recursion.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


def power(x, n):
    # The argument's type changes between calls: int, float, big int.
    if n == 0:
        return 1
    return x * power(x, n - 1)


def halves(x):
    # Ends on a float that compares, after ints that divide.
    if x < 1:
        return x
    return halves(x / 2) + 1


def count_down(n, acc):
    if n == 0:
        return acc
    return count_down(n - 1, acc + [n] if n % 7 == 0 else acc)


def collatz_steps(n):
    if n == 1:
        return 0
    if n % 2 == 0:
        return 1 + collatz_steps(n // 2)
    return 1 + collatz_steps(3 * n + 1)


print(fib(20), [fib(i) for i in range(12)])  # expect: 6765 [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
print(ack(2, 30), ack(3, 3))  # expect: 63 61
print(tak(14, 9, 4))  # expect: 9
print(is_even(101), is_odd(101), is_even(250))  # expect: False True True
print(depth_sum(300), sum(depth_sum(i) for i in range(50)))  # expect: 45150 20825
print(power(3, 10), power(1.5, 7), power(2, 70), power(-7, 25))  # expect: 59049 17.0859375 1180591620717411303424 -1341068619663964900807
print(power(3, 3), power(0.5, 3), power(10**20, 2), power(3, 3))  # expect: 27 0.125 10000000000000000000000000000000000000000 27
print(halves(1000), halves(7), halves(0.25), halves(2**80))  # expect: 10.9765625 3.875 0.25 81.5
print(count_down(60, []))  # expect: [56, 49, 42, 35, 28, 21, 14, 7]
print([collatz_steps(n) for n in range(1, 30)], collatz_steps(27))  # expect: [0, 1, 7, 2, 5, 8, 16, 3, 19, 6, 14, 9, 9, 17, 17, 4, 12, 20, 20, 7, 7, 15, 15, 10, 23, 10, 111, 18, 18] 111
print(fib(20.0), fib(15) + fib(2**3))  # expect: 6765.0 631
