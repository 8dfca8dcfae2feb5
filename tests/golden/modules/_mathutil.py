"""Helper module for the modules golden programs (not a program itself)."""
print("loading _mathutil")
PI_ISH = 3.14
calls = 0

def square(x):
    global calls
    calls += 1
    return x * x

def cube(x):
    return x * square(x)

def _private():
    return "private"

if __name__ == "__main__":
    print("never: imported, not run")
