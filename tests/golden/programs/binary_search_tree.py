# A binary search tree with insertion, search, traversal and height.
class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

class Tree:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
        else:
            node = self.root
            while True:
                if key < node.key:
                    if node.left is None:
                        node.left = Node(key)
                        break
                    node = node.left
                elif key > node.key:
                    if node.right is None:
                        node.right = Node(key)
                        break
                    node = node.right
                else:
                    return
        self.size += 1
    def __contains__(self, key):
        node = self.root
        while node is not None:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False
    def __iter__(self):
        def walk(node):
            if node is not None:
                yield from walk(node.left)
                yield node.key
                yield from walk(node.right)
        return walk(self.root)
    def height(self):
        def h(node):
            return 0 if node is None else 1 + max(h(node.left), h(node.right))
        return h(self.root)

tree = Tree()
for key in [50, 30, 70, 20, 40, 60, 80, 30, 65, 10]:
    tree.insert(key)
print(list(tree), tree.size, tree.height())  # expect: [10, 20, 30, 40, 50, 60, 65, 70, 80] 9 4
print(40 in tree, 45 in tree, [k for k in tree if k % 20 == 0])  # expect: True False [20, 40, 60, 80]
