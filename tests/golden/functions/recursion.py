# Recursion: factorial, hanoi, permutations, mutual recursion, ackermann.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(25))  # expect: 3628800 15511210043330985984000000
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)
hanoi(4, "A", "C", "B")
print(len(moves), moves[:3])  # expect: 15 [('A', 'B'), ('A', 'C'), ('B', 'C')]
def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([items[i]] + rest)
    return result
print(permutations([1, 2, 3]))  # expect: [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))  # expect: True True False
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))  # expect: 9
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))  # expect: 500
