# Constant indices into one list in a hot loop: the optimizer checks the
# largest index once, at the first access. A short list must still see the
# stores before the failing index happen, and raise at the right line.


def touch(rows):
    total = 0
    for r in rows:
        r[0] += 1
        total += r[0] * r[1]
        r[1] = total % 7
        total += r[2]
    return total


def shrink(rows):
    out = []
    for r in rows:
        a = r[0]
        if len(r) > 3:
            r.pop()
        out.append(a + r[1] + r[len(r) - 1])
    return out


rows = [[i, i + 1, i + 2] for i in range(300)]
print(touch(rows), rows[:3], rows[-1])
short = [[i, i + 1, i + 2] for i in range(200)] + [[7, 8]] + [[1, 2, 3]]
try:
    touch(short)
except IndexError as e:
    print("IndexError", e, short[199], short[200], short[201])
print(shrink([[i, i * 2, i * 3, i * 4] for i in range(100)] + [[1, 2, 3]] * 50)[-3:])
# expect: 9090500 [[1, 1, 2], [2, 0, 3], [3, 5, 4]] [300, 6, 301]
# expect: IndexError list index out of range [200, 4, 201] [8, 3] [1, 2, 3]
# expect: [6, 6, 6]
