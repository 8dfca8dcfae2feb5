# Sequence repetition at many counts and lengths: fills and doubling copies
# must give exactly the items in order.
for items in ([], [7], [1, 2], [1, 2, 3], ["a", None, 2.5, (1,)]):
    for n in (-3, -1, 0, 1, 2, 3, 5, 8, 13):
        r = items * n
        t = tuple(items) * n
        print(len(r), r == [x for _ in range(max(n, 0)) for x in items], t == tuple(r))
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 1 True True
        # expect: 2 True True
        # expect: 3 True True
        # expect: 5 True True
        # expect: 8 True True
        # expect: 13 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 2 True True
        # expect: 4 True True
        # expect: 6 True True
        # expect: 10 True True
        # expect: 16 True True
        # expect: 26 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 3 True True
        # expect: 6 True True
        # expect: 9 True True
        # expect: 15 True True
        # expect: 24 True True
        # expect: 39 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 0 True True
        # expect: 4 True True
        # expect: 8 True True
        # expect: 12 True True
        # expect: 20 True True
        # expect: 32 True True
        # expect: 52 True True
print([1, 2, 3] * 4)  # expect: [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]
print((0,) * 6, 3 * (1, 2))  # expect: (0, 0, 0, 0, 0, 0) (1, 2, 1, 2, 1, 2)
print([True] * True, [None] * False)  # expect: [True] []
flags = [True] * 1001
flags[500] = False
print(flags.count(True), flags.index(False))  # expect: 1000 500
big = [0, 1, 2, 3, 4, 5, 6] * 300
print(len(big), big[-1], sum(big), big[1000:1010])  # expect: 2100 6 6300 [6, 0, 1, 2, 3, 4, 5, 6, 0, 1]
