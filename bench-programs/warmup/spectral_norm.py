# replaces: main(240)
# Warm-up driver for spectral_norm: 60 products with A^T A on 160 elements,
# one timestamp per product.
import sys
import time


def warmup_main(n, products):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    stamps = [time.perf_counter()]
    for _ in range(products // 2):
        eval_ata_times_u(u, v, tmp)
        stamps.append(time.perf_counter())
        eval_ata_times_u(v, u, tmp)
        stamps.append(time.perf_counter())
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"spectral_norm warm-up {n} {(vbv / vv) ** 0.5:.9f}")
    sys.stderr.write("warmup-stamps: " + " ".join([repr(s) for s in stamps]) + "\n")


warmup_main(160, 60)
