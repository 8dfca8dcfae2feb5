# Comprehensions calling functions, methods and lambdas.
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
print([n for n in range(50) if is_prime(n)])  # expect: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
words = ["Hello", "World", "tern", "JIT"]
print([w.lower() for w in words if w.isupper() or w.istitle()])  # expect: ['hello', 'world', 'jit']
transforms = [lambda s: s.upper(), lambda s: s[::-1], len]
print([[t(w) for t in transforms] for w in words[:2]])  # expect: [['HELLO', 'olleH', 5], ['WORLD', 'dlroW', 5]]
print(sum(len(w) for w in words), max((len(w), w) for w in words))  # expect: 17 (5, 'World')
