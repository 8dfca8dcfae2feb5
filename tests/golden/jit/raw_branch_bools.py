# Raw code: branch tests whose boxed result is stored only at the guard's
# exit, lists untagged once per access run, ints overflowing mid-chain.


def stride_marks(flags, limit, step):
    j = step
    while j <= limit:
        flags[j] = False
        j += step
    return flags


def overflow_chain(n):
    j = 1
    k = 0
    while k < n:
        j += j
        k += 1
    return j


def swap_seq(n):
    seqs = [[1, 2, 3], (4, 5, 6), [7, 8, 9]]
    total = 0
    i = 0
    while i < n:
        s = seqs[(i // 50) % 3]
        total += s[1] + s[-1]
        i += 1
    return total


def index_errors(n):
    xs = [0] * 40
    caught = 0
    i = 0
    while i < n:
        try:
            xs[i] = i
        except IndexError:
            caught += 1
        i += 1
    return caught, xs[-1], xs[-40]


def bools_as_ints(n):
    total = 0
    i = 0
    while i < n:
        b = i < n // 2
        total += b + (i % 3 == 0) * 2
        if i % 7 < 3:
            total += 1
        i += 1
    return total


def branchy(n):
    hits = [0, 0, 0]
    i = 0
    while i < n:
        if i % 5 == 0:
            hits[0] += 1
        elif i % 5 < 3:
            hits[1] += i
        else:
            hits[2] -= 1
        i += 1
    return hits


def main():
    for step in (2, 3, 7):
        f = stride_marks([True] * 300, 299, step)
        print(step, sum(1 for x in f if x))
    print(overflow_chain(10), overflow_chain(70), overflow_chain(130))
    print(swap_seq(400))
    print(index_errors(100))
    print(bools_as_ints(500))
    print(branchy(1000))
    xs = [5, 6, 7]
    i = 0
    out = 0
    while i < 200:
        if i == 150:
            xs = (9, 9, 9)
        out += xs[i % 3] + xs[-1]
        i += 1
    print(out)


main()
# expect: 2 151
# expect: 3 201
# expect: 7 258
# expect: 1024 1180591620717411303424 1361129467683753853853498429727072845824
# expect: 4100
# expect: (60, 39, 0)
# expect: 800
# expect: [200, 199600, -400]
# expect: 2850
