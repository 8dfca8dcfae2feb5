# ZeroDivisionError raised in a nested function (inside an inner loop) called from an outer loop.
# Traceback frames, outermost first (the harness checks only the last line): <module> line 14, row line 9, ratio line 4
def ratio(a, b):
    return a // b

def row(n):
    s = 0
    for j in range(20):
        s += ratio(n * j, n - 250 + j)
    return s

total = 0
for n in range(400):
    total += row(n)
    if n % 40 == 0:
        print(n, total)
        # expect: 0 0
        # expect: 40 -1190
        # expect: 80 -4219
        # expect: 120 -10287
        # expect: 160 -22041
        # expect: 200 -48344
# expect-error: ZeroDivisionError: integer division or modulo by zero
