# While loops with compound conditions (and/or/not, chained comparisons, calls) that change how they exit.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

g = 0
for i in range(1, 400):
    g += gcd(i * 7, 360)
print(g)  # expect: 4050

i = 0
j = 1000
steps = 0
while 0 <= i < j and not (i % 97 == 96 and j % 2 == 0) or steps < 3:
    i += 3
    j -= 1
    steps += 1
print(i, j, steps)  # expect: 96 968 32

# The loop condition calls a function and reads a list that the body mutates.
stack = list(range(300))
popped = 0
def should_go(s):
    return len(s) > 10 and s[-1] % 50 != 7
while should_go(stack) or len(stack) % 2:
    stack.pop()
    popped += 1
print(popped, len(stack), stack[-1])  # expect: 42 258 257

# A condition mixing floats and ints; ends when a float accumulator reaches a threshold.
x = 0.0
n = 0
while x < 100 and n != 10 ** 9:
    x += 0.37 if n % 2 else 1
    n += 1
print(n, round(x, 10))  # expect: 146 100.01

# Binary search in a loop with a multi-part condition.
data = list(range(0, 3000, 3))
found = 0
for target in range(0, 900, 2):
    lo, hi = 0, len(data) - 1
    while lo <= hi and data[lo] <= target <= data[hi]:
        mid = (lo + hi) // 2
        if data[mid] == target:
            found += 1
            break
        elif data[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
print(found)  # expect: 150
