# A for loop in a function the hot loop calls (inlined) that often runs no
# iteration at all (an empty list, an empty range, an exhausted tuple), and
# then does: the trace's guard that the loop stays exhausted must fail right.


class Node:
    def __init__(self, name):
        self.name = name
        self.edges = []


def count_edges(node, seen):
    n = 0
    for e in node.edges:
        if e.name not in seen:
            n += 1
    return n


def spread(k, step):
    out = 0
    for j in range(k, 4, step):
        out += j
    return out


nodes = [Node("n" + str(i)) for i in range(200)]
total = 0
for i, node in enumerate(nodes):
    # Edges appear only on some nodes, and more of them as the loop goes on.
    if i % 7 == 3:
        node.edges.append(nodes[i - 1])
    if i > 150:
        node.edges.append(nodes[0])
        node.edges.append(nodes[1])
    total += count_edges(node, {"n0"})
    total += spread(i % 6, 1)
print(total)  # expect: 750


# The iterable changes type mid-loop: a list, then a tuple, then a range,
# then a string (not a fast-path iterator), some of them empty.
def first_or_none(items):
    for x in items:
        return x
    return None


shapes = []
for i in range(160):
    if i < 40:
        items = [] if i % 3 else [i]
    elif i < 80:
        items = () if i % 4 else (i, i)
    elif i < 120:
        items = range(i % 2)
    else:
        items = "" if i % 5 else "ab"
    r = first_or_none(items)
    if i % 20 == 0 or i in (41, 81, 121):
        shapes.append(r)
print(shapes)  # expect: [0, None, 40, None, 60, None, 0, None, 'a', None, 'a']


# An inner loop in the loop's own frame that is empty most of the time,
# mutated between passes.
bucket = []
hits = 0
for i in range(300):
    for b in bucket:
        hits += b
    if i % 50 == 49:
        bucket.append(i)
    if i == 250:
        bucket.clear()
print(hits)  # expect: 50245


# An exception raised in the body of a loop that was empty while recording:
# the traceback goes through the inlined function.
def divide_all(values, d):
    acc = 0
    for v in values:
        acc += v // d
    return acc


grand = 0
for i in range(100):
    vals = [] if i < 90 else [i, i + 1]
    grand += divide_all(vals, 1 if i < 95 else 0)
print(grand)
# expect-error: ZeroDivisionError: integer division or modulo by zero
