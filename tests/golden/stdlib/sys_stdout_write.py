# sys.stdout.write writes without a newline and returns the count.
import sys
n = sys.stdout.write("hello ")  # expect: hello world
sys.stdout.write("world\n")
print(n)  # expect: 6
for i in range(3):
    sys.stdout.write(str(i))  # expect: 012
sys.stdout.write("\n")
sys.stdout.write("mixed with ")  # expect: mixed with print
print("print")
sys.stdout.flush()
