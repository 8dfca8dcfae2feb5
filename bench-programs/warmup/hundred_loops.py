# replaces: main()
# Warm-up driver for hundred_loops: each of the 100 loops called 4 times with
# a quarter of the benchmark's iterations, one timestamp per call, so every
# new loop shows its own warm-up (first call slow, later calls fast).
import sys
import time


def warmup_main(calls, n):
    checksum = 0
    stamps = [time.perf_counter()]
    for f in LOOPS:
        for _ in range(calls):
            checksum = (checksum * 31 + f(n)) % 1000000007
            stamps.append(time.perf_counter())
    print("hundred_loops warm-up", calls, n, checksum)
    sys.stderr.write("warmup-stamps: " + " ".join([repr(s) for s in stamps]) + "\n")


warmup_main(4, 10000)
