# sys.setrecursionlimit allows deeper recursion; getrecursionlimit reads it back.
import sys
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())  # expect: 5000
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(3000))  # expect: 3000
sys.setrecursionlimit(200)
try:
    depth(1000)
except RecursionError as error:
    print("RecursionError:", error)  # expect: RecursionError: maximum recursion depth exceeded
print(depth(50))  # expect: 50
