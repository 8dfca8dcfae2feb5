# Starred targets with empty remainders, strings and nested patterns.
*a, = [1, 2, 3]
print(a)  # expect: [1, 2, 3]
x, *y = "z"
print(x, y)  # expect: z []
*init, tail = range(1)
print(init, tail)  # expect: [] 0
(p, *q), r = "abc", "d"
print(p, q, r)  # expect: a ['b', 'c'] d
head, *_ = [9, 8, 7]
print(head, _)  # expect: 9 [8, 7]
[one, [two, *more]] = [1, [2, 3, 4]]
print(one, two, more)  # expect: 1 2 [3, 4]
