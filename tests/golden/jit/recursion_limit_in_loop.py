# Deep recursion near the limit inside a loop: RecursionError is raised and caught repeatedly.
import sys
sys.setrecursionlimit(200)

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

ok = 0
failed = 0
for i in range(120):
    n = 170 + i % 60
    try:
        ok += depth(n)
    except RecursionError as e:
        failed += 1
        if failed == 1:
            print("first failure at", n, e)
print(ok > 0, failed > 0, ok + failed > 0)
# Depths well under the limit always succeed.
small = 0
for i in range(200):
    small += depth(i % 60)
print(small)

# After the errors the program keeps working normally and can recurse again.
sys.setrecursionlimit(1000)
print(depth(500))

def runaway(n):
    return runaway(n + 1) + 1

count = 0
for i in range(5):
    try:
        runaway(0)
    except RecursionError:
        count += 1
print(count, sys.getrecursionlimit())
# expect: first failure at 199 maximum recursion depth exceeded
# expect: True True True
# expect: 5500
# expect: 500
# expect: 5 1000
