# repr of tuples: the one-element comma, empty tuple, nested and with strings.
print((1,), (), ((),), ((1,),), ("a",), ("a", "b"))  # expect: (1,) () ((),) ((1,),) ('a',) ('a', 'b')
print(repr((1,)), str((1, "x")), [(1,)])  # expect: (1,) (1, 'x') [(1,)]
print(tuple(), tuple([()]), (None,), (True, False))  # expect: () ((),) (None,) (True, False)
print((1.5, -0.0, 10 ** 20))  # expect: (1.5, -0.0, 100000000000000000000)
x = 1,
y = (1)
print(x, y, type(x).__name__, type(y).__name__)  # expect: (1,) 1 tuple int
