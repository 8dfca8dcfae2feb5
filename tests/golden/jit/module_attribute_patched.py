# A module function (math.sqrt) and an imported module attribute are replaced mid-loop, then restored.
import math
from math import floor

original = math.sqrt
total = 0.0
for i in range(500):
    if i == 150:
        math.sqrt = lambda x: -1.0
    if i == 300:
        math.sqrt = original
    if i == 400:
        floor = lambda x: 1000
    total += math.sqrt(i) + floor(i / 3)
    if i % 100 == 0 or i in (149, 150, 299, 300, 399, 400):
        print(i, math.sqrt(i), floor(i / 3), round(total, 6))
        # expect: 0 0.0 0 0.0
        # expect: 100 10.0 33 2321.462947
        # expect: 149 12.206555615733702 49 4893.416663
        # expect: 150 -1.0 50 4942.416663
        # expect: 200 -1.0 66 7800.416663
        # expect: 299 -1.0 99 15918.416663
        # expect: 300 17.320508075688775 100 16035.737171
        # expect: 399 19.974984355438178 133 29403.308313
        # expect: 400 20.0 1000 30423.308313
print(round(total, 6), math.sqrt(16))  # expect: 131522.354345 4.0

# A module-level constant on an imported module changed mid-loop.
acc = 0.0
for i in range(300):
    if i == 100:
        math.pi = 3
    if i == 200:
        math.pi = 3.141592653589793
    acc += math.pi
print(acc)  # expect: 928.3185307179571
