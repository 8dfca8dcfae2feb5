# Spectral norm: the Benchmarks Game power method for the largest singular
# value of an infinite matrix. Stresses: float division, nested loops over
# lists, a small pure function called in the innermost loop.


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_a_times_u(u, out):
    n = len(u)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * u[j]
        out[i] = s


def eval_at_times_u(u, out):
    n = len(u)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        out[i] = s


def eval_ata_times_u(u, out, tmp):
    eval_a_times_u(u, tmp)
    eval_at_times_u(tmp, out)


def main(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        eval_ata_times_u(u, v, tmp)
        eval_ata_times_u(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"spectral_norm {n} {(vbv / vv) ** 0.5:.9f}")


main(240)
