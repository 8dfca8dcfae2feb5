# List comprehensions are eager, generator expressions lazy.
log = []
def tracked(n):
    log.append(n)
    return n
eager = [tracked(n) for n in range(3)]
print(log)  # expect: [0, 1, 2]
log.clear()
lazy = (tracked(n) for n in range(3))
print(log)  # expect: []
print(next(lazy), log)  # expect: 0 [0]
print(list(lazy), log)  # expect: [1, 2] [0, 1, 2]
first_big = next(n for n in range(100) if n * n > 50)
print(first_big)  # expect: 8
