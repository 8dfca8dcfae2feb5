# Recursive functions called many times (inlining and frame reconstruction).
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(n) for n in range(15)])  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]
def count_paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in memo:
        memo[key] = count_paths(r - 1, c, memo) + count_paths(r, c - 1, memo)
    return memo[key]
print(count_paths(16, 16, {}))  # expect: 601080390
def sum_digits(n):
    return n if n < 10 else n % 10 + sum_digits(n // 10)
print(sum(sum_digits(i) for i in range(2000)))  # expect: 28000
