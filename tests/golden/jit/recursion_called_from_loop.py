# Recursive functions (fib, ackermann-like, mutual recursion) called from a hot loop.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

total = 0
for i in range(300):
    total += fib(i % 12)
    if i % 60 == 0:
        print(i, fib(i % 12), total)
        # expect: 0 0 0
        # expect: 60 0 1160
        # expect: 120 0 2320
        # expect: 180 0 3480
        # expect: 240 0 4640
print(total)  # expect: 5800

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

evens = 0
for i in range(200):
    if is_even(i % 40):
        evens += 1
print(evens)  # expect: 100

# Recursion that builds structures and returns different types depending on depth.
def build(n):
    if n == 0:
        return []
    if n % 3 == 0:
        return (n, build(n - 1))
    return [n] + list(build(n - 1)) if n % 3 == 1 else build(n - 1) + [n]

lengths = []
for i in range(300):
    lengths.append(len(build(i % 15)))
print(sum(lengths), build(7), build(6))  # expect: 780 [7, 6, [4, 3, [1, 2], 5]] (6, [4, 3, [1, 2], 5])
