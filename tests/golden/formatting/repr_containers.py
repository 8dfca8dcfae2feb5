# str() and repr() of nested containers and special values.
print([1, "two", 3.0, None, True, [4, [5]], (6,), {7: "8"}])  # expect: [1, 'two', 3.0, None, True, [4, [5]], (6,), {7: '8'}]
print((), (1,), (1, 2), ((1,), ()))  # expect: () (1,) (1, 2) ((1,), ())
print({}, {"a": [1, 2], 3: (4, 5)}, {1: {2: {3: {}}}})  # expect: {} {'a': [1, 2], 3: (4, 5)} {1: {2: {3: {}}}}
print(set(), {1}, [set()])  # expect: set() {1} [set()]
print(repr("x"), str("x"), [repr("x")], str(["x"]))  # expect: 'x' x ["'x'"] ['x']
print([1.5, -0.0, float("inf"), 1e100])  # expect: [1.5, -0.0, inf, 1e+100]
print({None: None, True: False})  # expect: {None: None, True: False}
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)  # expect: [[0, 0, 0], [0, 1, 2], [0, 2, 4]]
print(str(nested) == repr(nested))  # expect: True
print([[], [[]], [[], []]])  # expect: [[], [[]], [[], []]]
