# any, all, map, filter with functions, lambdas, None and several iterables.
print(any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0]))  # expect: False True True False
print(any(x > 10 for x in range(20)), all(x < 10 for x in range(20)))  # expect: True False
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [5, 2])))  # expect: [1, 2, 3] [32, 9]
print(list(map(lambda a, b: a + b, "abc", "xyz")))  # expect: ['ax', 'by', 'cz']
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", [], [0]])))  # expect: [1, 3, 5, 7, 9] [1, 'a', [0]]
print(list(map(str.upper, ["a", "b"])), list(map(len, ["", "ab", "abc"])))  # expect: ['A', 'B'] [0, 2, 3]
m = map(int, ["1", "2", "3"])
print(next(m), list(m), list(m))  # expect: 1 [2, 3] []
print(sum(map(int, "12345")), max(map(len, ["a", "bbb", "cc"])))  # expect: 15 3
print(type(map(abs, [])).__name__, type(filter(None, [])).__name__)  # expect: map filter
