# Generator expressions: laziness, single use, as arguments.
print(sum(x * x for x in range(10)))  # expect: 285
print(max(len(w) for w in ["a", "abc", "ab"]))  # expect: 3
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))  # expect: A ['B', 'C'] []
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))  # expect: True False
print(sorted((x % 3, x) for x in range(6)))  # expect: [(0, 0), (0, 3), (1, 1), (1, 4), (2, 2), (2, 5)]
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))  # expect: [0, 6, 12, 18]
print(dict((k, len(k)) for k in ["aa", "b"]))  # expect: {'aa': 2, 'b': 1}
print(" ".join(str(n) for n in range(5)))  # expect: 0 1 2 3 4
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))  # expect: [(1, 0), (2, 0), (2, 1)]
def evaluated():
    print("source evaluated")
    return [1, 2]
lazy = (x for x in evaluated())  # expect: source evaluated
print("before iteration")  # expect: before iteration
print(list(lazy))  # expect: [1, 2]
