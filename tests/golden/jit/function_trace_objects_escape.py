# Objects a loop-free function allocates and returns: its function trace
# ends in an exit always taken (at the `return`), where the optimizer
# builds them in the trace, each with its final layout at once; exits
# taken rarely (a type changes, a branch goes the other way) still build
# the objects the stack holds from the exit's description.

class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


class Empty:
    pass


class Selfish:
    def __init__(self, n):
        self.n = n
        self.me = self


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def count(t):
    if t.left is None:
        return 1
    return 1 + count(t.left) + count(t.right)


total = 0
for _ in range(60):
    total += count(make_tree(5))
print(total)  # expect: 3780


def pair(a, b):
    # Two objects, the inner one named by the outer one; `a + b` fails its
    # type guard once floats and strs come: the exit there builds both.
    inner = Node(a, None)
    outer = Node(inner, b)
    outer.sum = a + b
    return outer


kept = []
for i in range(300):
    kept.append(pair(i, 2 * i))
kept.append(pair(1.5, 2.25))
kept.append(pair("a", "b"))
kept.append(pair(7, 8))
for p in kept[-4:]:
    print(p.left.left, p.left.right, p.right, p.sum)
    # expect: 299 None 598 897
    # expect: 1.5 None 2.25 3.75
    # expect: a None b ab
    # expect: 7 None 8 15
print(sum(p.sum for p in kept[:300]))  # expect: 134550


def leaf_or_empty(k):
    # An instance without attributes, and one that refers to itself.
    if k % 3 == 0:
        return Empty()
    return Selfish(k)


shapes = [leaf_or_empty(k) for k in range(200)]
print(sum(1 for s in shapes if isinstance(s, Empty)))  # expect: 67
print(all(s.me is s for s in shapes if isinstance(s, Selfish)))  # expect: True
print(sum(s.me.n for s in shapes if isinstance(s, Selfish)))  # expect: 13267


def chain(n, tail):
    # Ten objects live at once; the branch on `tail` leaves the trace (an
    # exit taken rarely) with all of them to build.
    a = Node(n, None)
    b = Node(a, n + 1)
    c = Node(b, n + 2)
    d = Node(c, n + 3)
    e = Node(d, n + 4)
    f = Node(e, n + 5)
    g = Node(f, n + 6)
    h = Node(g, n + 7)
    i = Node(h, n + 8)
    j = Node(i, n + 9)
    if tail:
        j.tail = [a, j]
    return j


def depth_of(node):
    d = 0
    while isinstance(node, Node):
        node = node.left
        d += 1
    return d, node


made = [chain(n, n % 50 == 49) for n in range(400)]
print(depth_of(made[0]))  # expect: (10, 0)
print(depth_of(made[399]))  # expect: (10, 399)
tails = [m for m in made if hasattr(m, "tail")]
print(len(tails), [t.tail[0].left for t in tails[:3]])  # expect: 8 [49, 99, 149]
print(all(t.tail[1] is t for t in tails))  # expect: True


def boxed(values):
    # The fields hold fresh lists only the new objects keep alive, while
    # garbage made between calls brings collections (every safepoint
    # collects in the GC stress mode).
    return Node(list(values), [v * 2 for v in values])


boxes = []
for k in range(500):
    boxes.append(boxed(range(k % 7)))
    if k % 100 == 0:
        garbage = [[j] * 64 for j in range(3000)]
print(sum(len(b.left) + sum(b.right) for b in boxes))  # expect: 6466
print(boxes[6].left, boxes[6].right)  # expect: [0, 1, 2, 3, 4, 5] [0, 2, 4, 6, 8, 10]
