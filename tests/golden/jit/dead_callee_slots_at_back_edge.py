# Inlined callees' frame slots are dead at the loop header, so the optimizer
# drops their stores at the back-edge: later iterations, exits inside the
# callee and unbound locals must still see this iteration's values.


class Box:
    def __init__(self, v):
        self.v = v


def pick(x):
    if x % 7 == 0:
        y = Box(x)
    if x % 5 == 0:
        return y.v
    tmp = [x, x + 1]
    return tmp[1] - tmp[0]


def scale(b, k):
    inner = Box(b.v * k)
    return inner.v + len(str(inner.v))


def main():
    total = 0
    errors = 0
    seen = []
    for i in range(1, 400):
        try:
            total += pick(i)
        except UnboundLocalError:
            errors += 1
        total += scale(Box(i), 3 if i % 11 else 2.5)
        if i % 97 == 0:
            seen.append(total)
    print(total, errors, seen)

    j = 0
    acc = 0
    while j < 300:
        acc += scale(Box(j), 2)
        j += 1
    print(acc)


main()
# expect: 239660.0 68 [14515.0, 57164.5, 127909.5, 226802.0]
# expect: 90545
