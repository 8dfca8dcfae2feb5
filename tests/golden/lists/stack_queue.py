# Lists as stacks and queues; a bracket matcher.
stack = []
for i in range(5):
    stack.append(i)
while stack:
    print(stack.pop(), end=" ")  # expect: 4 3 2 1 0 
print()

def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack

for text in ["(a[b]{c})", "(]", "((", "", "{[()()]}", "}"]:
    print(repr(text), balanced(text))
    # expect: '(a[b]{c})' True
    # expect: '(]' False
    # expect: '((' False
    # expect: '' True
    # expect: '{[()()]}' True
    # expect: '}' False
queue = [1, 2, 3]
queue.append(4)
first = queue.pop(0)
print(first, queue)  # expect: 1 [2, 3, 4]
