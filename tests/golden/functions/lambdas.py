# Lambdas as values: sorting keys, maps, immediate calls.
square = lambda x: x * x
print(square(7), (lambda a, b=3: a + b)(1), (lambda *a: len(a))(1, 2, 3))  # expect: 49 4 3
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))  # expect: [(1, 'one'), (3, 'three'), (2, 'two')]
print(list(map(lambda x: x * 2, [1, 2, 3])))  # expect: [2, 4, 6]
print(list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])))  # expect: ['abc', 'fghi']
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))  # expect: 12
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for op in "+-*":
    print(op, ops[op](6, 3))
    # expect: + 9
    # expect: - 3
    # expect: * 18
print((lambda: "no args")())  # expect: no args
print(square.__name__)  # expect: <lambda>
