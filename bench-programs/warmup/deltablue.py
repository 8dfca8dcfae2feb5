# replaces: main(15, 1000)
# Warm-up driver for deltablue: 60 rounds of the chain and projection tests
# on 250 variables, one timestamp per round.
import sys
import time


def warmup_main(rounds, n):
    checksum = 0
    stamps = [time.perf_counter()]
    for r in range(rounds):
        checksum = (checksum * 17 + chain_test(n) + projection_test(n) + r) % 1000000007
        stamps.append(time.perf_counter())
    print("deltablue warm-up", rounds, n, checksum)
    sys.stderr.write("warmup-stamps: " + " ".join([repr(s) for s in stamps]) + "\n")


warmup_main(60, 250)
