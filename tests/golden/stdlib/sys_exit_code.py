# sys.exit(n) ends the program with exit code n; finally blocks still run.
import sys
print("before exit")  # expect: before exit
try:
    sys.exit(3)
finally:
    print("finally runs")  # expect: finally runs
print("never printed")
# expect-exit: 3
