# replaces: main(100000)
# Warm-up driver for nbody: the benchmark's 100000 steps advanced in 200
# chunks of 500, one timestamp per chunk.
import sys
import time


def warmup_main(chunks, steps):
    bodies = make_bodies()
    pairs = combinations(bodies)
    offset_momentum(bodies[0], bodies)
    before = energy(bodies, pairs)
    stamps = [time.perf_counter()]
    for _ in range(chunks):
        advance(0.01, steps, bodies, pairs)
        stamps.append(time.perf_counter())
    after = energy(bodies, pairs)
    print(f"nbody warm-up {chunks}x{steps} {before:.9f} {after:.9f}")
    sys.stderr.write("warmup-stamps: " + " ".join([repr(s) for s in stamps]) + "\n")


warmup_main(200, 500)
