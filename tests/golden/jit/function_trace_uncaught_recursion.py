# A runaway recursion through function traces ends in the RecursionError
# CPython reports, after the same output.
def f(n):
    if n < 0:
        return 0
    return f(n + 1) + 1


def g(n):
    return f(n)


print(sum(g(-i) for i in range(1, 60)))  # expect: 0
print(g(0))
# expect-error: RecursionError: maximum recursion depth exceeded
