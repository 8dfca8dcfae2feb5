# Yields inside larger expressions, in generators a for loop resumes (the
# sent value is None): temporaries live across the yield (a function, a
# partial sum, a list being built) must come back intact, the yield's own
# operand and result temporaries need not.


def mixed(n):
    acc = []
    for i in range(n):
        r = str(i) + "/" + str((yield i * 2)) + "/" + str(i * 3)
        acc.append(r)
    yield acc[-3:]


def calls(n):
    out = []
    k = 7
    while k < n:
        out.append(max(k, len([k, (yield k), k + 1]), k % 5))
        k += 3
    yield sum(out)


def tuples(n):
    i = 0
    while i < n:
        pair = (i, (yield (i, -i)), i * i)
        if pair[1] is not None:
            raise ValueError("sent a value")
        i += 1
    yield "done", pair


for gen in (mixed(300), calls(900), tuples(400)):
    last = None
    total = 0
    for v in gen:
        if isinstance(v, int):
            total += v
        elif isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], int):
            total += v[0] - v[1]
        else:
            last = v
    print(total, last)

# expect: 89700 ['297/None/891', '298/None/894', '299/None/897']
# expect: 269690 None
# expect: 159600 ('done', (399, None, 159201))
