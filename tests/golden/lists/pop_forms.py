# list.pop with no index, an index (front, back, negative, bool) on big
# lists in hot loops, and its errors.


def run():
    big = list(range(3000))
    total = 0
    while len(big) > 1500:
        total += big.pop(0)
        total += big.pop()
        total -= big.pop(-2)
    print(total, len(big), big[:3], big[-3:])
    q = [[i, i * i] for i in range(500)]
    acc = 0
    while q:
        a, b = q.pop(0)
        acc += a * 3 + b
        if q and a % 5 == 0:
            acc += q.pop(len(q) // 2)[1]
    print(acc)
    flags = [10, 20, 30]
    print(flags.pop(True), flags.pop(False), flags)
    for bad in [[], [1], [1, 2]]:
        for idx in [None, 5, -3, "x"]:
            try:
                print(bad.pop() if idx is None else bad.pop(idx))
            except (IndexError, TypeError) as e:
                print(type(e).__name__, e)


run()
# expect: 126249 1500 [500, 501, 502] [1997, 1998, 2000]
# expect: 41821518
# expect: 20 10 [30]
# expect: IndexError pop from empty list
# expect: IndexError pop from empty list
# expect: IndexError pop from empty list
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: 1
# expect: IndexError pop from empty list
# expect: IndexError pop from empty list
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: 2
# expect: IndexError pop index out of range
# expect: IndexError pop index out of range
# expect: TypeError 'str' object cannot be interpreted as an integer
