# A list iterator Python code holds stays exhausted after a loop ran it to the
# end, even when the list grows afterwards (the interpreter's fast path forgot
# it); a `for` loop's own iterator sees items appended while it runs.
def drain(n):
    total = 0
    for _ in range(n):
        items = [1, 2, 3]
        it = iter(items)
        for x in it:
            total += x
        items.append(4)
        total += next(it, 100)
    return total

def grow(n):
    items = [0]
    seen = 0
    for x in items:
        seen += 1
        if len(items) < n:
            items.append(x + 1)
    return seen, items[-1]

def tuples(n):
    t = (1, 2.5, "a")
    out = []
    for _ in range(n):
        for v in t:
            out.append(v)
    return len(out), out[-3:]

print(drain(60))
print(grow(80))
print(tuples(50))
# expect: 6360
# expect: (80, 79)
# expect: (150, [1, 2.5, 'a'])
