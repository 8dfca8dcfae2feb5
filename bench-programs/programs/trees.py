# Binary trees: the Benchmarks Game allocation benchmark, with class-based
# nodes plus a tuple-based variant. Stresses: allocating many short-lived
# objects, recursion, GC throughput.


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


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


def main(max_depth):
    min_depth = 4
    stretch = max_depth + 1
    print(f"stretch tree of depth {stretch}\t check: {make_tree(stretch).check()}")
    long_lived = make_tree(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        check = 0
        for _ in range(iterations):
            check += make_tree(depth).check()
        print(f"{iterations}\t trees of depth {depth}\t check: {check}")
    tuple_total = 0
    for _ in range(4):
        tuple_total += check_tuple_tree(make_tuple_tree(12))
    print(f"long lived tree of depth {max_depth}\t check: {long_lived.check()}")
    print(f"tuple trees check: {tuple_total}")


main(13)
