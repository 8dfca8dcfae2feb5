# Wide ints a loop boxes only into temporaries (an LCG's product), str
# concatenations kept pending across calls that only allocate: guards that
# fail mid-iteration (a type change, a branch) must write the wide values
# back as big ints.
def lcg(n, flip):
    seed = 2147483000
    out = []
    acc = 0
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        w = "ab"[seed % 2] + "cd"[(seed >> 3) % 2]
        if i == flip:
            seed = seed * 1.0 + 0.5
            seed = int(seed)
        if seed % 7 == 0:
            w = w + "!"
        acc = (acc * 31 + len(w) + seed) % 1000000007
        out.append(w)
    return acc, "".join(out[-5:]), len(out)


def wide_kept(n):
    total = 0
    big = 0
    for i in range(n):
        p = (i + 100000) * 1103515245 * 4096
        q = p + 1
        if i % 13 == 5:
            big = q
        total = (total + q % 1000003) % 1000000007
    return total, big


print(lcg(200, 150))
print(lcg(60, -1))
print(wide_kept(300))
# expect: (36538298, 'acbdacbcac', 200)
# expect: (332941452, 'ac!bdadbdad', 60)
# expect: (149385783, 453315163899064321)
