# Reading a missing attribute of an instance raises AttributeError.
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

head = Node(1)
head.next = Node(2)
print(head.next.value)  # expect: 2
print(head.next.next.value)
# expect-error: AttributeError: 'NoneType' object has no attribute 'value'
