# A bridge that inlines a call the loop's main trace does not: the stack and
# recursion headroom prepared at loop entry must cover the bridge's frames.
def h(*args):
    return 0.5 if args[0] >= 150 else 1
def g(x):
    p = x + 1
    r = h(x)
    return r + p
def run():
    t = 0
    for i in range(200):
        if i < 100: t += 1
        else: t += g(i)
    return t
print(run())
# expect: 15225.0
