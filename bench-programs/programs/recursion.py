# Recursion: fib, Ackermann, Takeuchi and a mutually recursive pair.
# Stresses: call/return overhead, argument passing, deep-ish call stacks.


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


def main():
    f = fib(31)
    a = ack(2, 300) + ack(3, 5)
    t = tak(22, 16, 8)
    evens = 0
    for i in range(300):
        if is_even(i):
            evens += 1
    d = 0
    for i in range(1500):
        d += depth_sum(400)
    print("recursion", f, a, t, evens, d)


main()
