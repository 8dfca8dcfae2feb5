# time: monotonic clocks advance; no timing values are printed.
import time
start = time.time()
t0 = time.perf_counter()
m0 = time.monotonic()
total = 0
for i in range(10000):
    total += i
t1 = time.perf_counter()
m1 = time.monotonic()
print(total)  # expect: 49995000
print(t1 >= t0, m1 >= m0, time.time() >= start)  # expect: True True True
print(type(time.time()).__name__, type(time.perf_counter()).__name__)  # expect: float float
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.01)  # expect: True
print(start > 1600000000)  # expect: True
