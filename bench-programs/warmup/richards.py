# replaces: main(12)
# Warm-up driver for richards: the same simulation run 20 times, one
# timestamp per run, so the curve shows each run's time as the JIT warms up.
import sys
import time


def warmup_main(iterations):
    checksum = 0
    stamps = [time.perf_counter()]
    for i in range(iterations):
        checksum = (checksum * 31 + run_once() + i) % 1000000007
        stamps.append(time.perf_counter())
    print("richards warm-up", iterations, checksum)
    sys.stderr.write("warmup-stamps: " + " ".join([repr(s) for s in stamps]) + "\n")


warmup_main(20)
