# Methods and constructors that recurse on instances get function traces:
# tree building through __init__, recursive methods, tuple trees, and a
# subclass overriding the recursive method halfway.
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()

    def depth(self):
        if self.left is None:
            return 0
        return 1 + max(self.left.depth(), self.right.depth())


class Leaf(Node):
    def check(self):
        return 10


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def make_mixed(depth):
    if depth == 0:
        return Leaf(None, None)
    if depth == 1:
        return Node(make_mixed(0), Node(None, None))
    return Node(make_mixed(depth - 1), make_mixed(depth - 2))


def make_tuple_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tuple_tree(depth), make_tuple_tree(depth))


def check_tuple_tree(t):
    left, right = t
    if left is None:
        return 1
    return 1 + check_tuple_tree(left) + check_tuple_tree(right)


class Counter:
    def __init__(self, n):
        self.n = n
        self.child = Counter(n - 1) if n > 0 else None

    def total(self):
        if self.child is None:
            return self.n
        return self.n + self.child.total()


total = 0
for d in range(4, 10):
    total += make_tree(d).check()
print(total, make_tree(6).depth())  # expect: 2010 6
print(make_mixed(8).check(), make_mixed(5).depth())  # expect: 415 5
print(sum(check_tuple_tree(make_tuple_tree(d)) for d in range(8)))  # expect: 502
print(Counter(50).total(), Counter(3).child.child.n)  # expect: 1275 1
t = make_tree(5)
t.left.left = Leaf(None, None)
print(t.check())  # expect: 58
Node.check = lambda self: 7
print(t.check(), make_tree(3).check())  # expect: 7 7
