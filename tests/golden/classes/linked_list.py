# A linked list class with __len__, __iter__, __repr__, __getitem__ and reverse.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.length = 0
        for item in reversed(list(items)):
            self.push(item)
    def push(self, value):
        self.head = Node(value, self.head)
        self.length += 1
    def __len__(self):
        return self.length
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __getitem__(self, index):
        for i, value in enumerate(self):
            if i == index:
                return value
        raise IndexError("linked list index out of range")
    def reverse(self):
        prev = None
        node = self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
    def __repr__(self):
        return "LinkedList(" + " -> ".join(repr(v) for v in self) + ")"

items = LinkedList([1, 2, 3, 4])
print(items, len(items), items[2])  # expect: LinkedList(1 -> 2 -> 3 -> 4) 4 3
items.reverse()
items.push(0)
print(items, list(items), sum(items))  # expect: LinkedList(0 -> 4 -> 3 -> 2 -> 1) [0, 4, 3, 2, 1] 10
try:
    items[10]
except IndexError as error:
    print("IndexError:", error)  # expect: IndexError: linked list index out of range
print(LinkedList(), len(LinkedList("ab")))  # expect: LinkedList() 2
