# list.pop(0) and del l[0] (which pop the front in place) followed by every
# other list operation, on short and long lists, as a work queue, and with
# collections in between.


def show(tag, l):
    print(tag, len(l), l[:3], l[-3:], sum(l))


def queue(n):
    todo = list(range(5))
    seen = 0
    total = 0
    while len(todo) > 0:
        x = todo.pop(0)
        seen += 1
        total += x
        if x < n:
            todo.append(x * 2 + 1)
            if x % 3 == 0:
                todo.append(x * 2 + 2)
    return seen, total


print(queue(3000))  # expect: (184, 210732)

for n in [1, 2, 3, 8, 100, 1000]:
    l = list(range(n))
    first = l.pop(0)
    show("pop0", l)  # expect: pop0 0 [] [] 0
    l.append(-1)
    l.insert(0, -2)
    show("append/insert", l)  # expect: append/insert 2 [-2, -1] [-2, -1] -3
    if len(l) > 2:
        print(l.pop(0), l.pop(), l.pop(-2) if len(l) > 1 else None)
    l.extend([7, 8, 9])
    show("extend", l)  # expect: extend 5 [-2, -1, 7] [7, 8, 9] 21
    print(l.index(7), l.count(9), 7 in l, l[1:4], l[::-50][:3])  # expect: 2 1 True [-1, 7, 8] [9]
    l.sort(reverse=True)
    show("sort", l)  # expect: sort 5 [9, 8, 7] [7, -1, -2] 21
    l.reverse()
    show("reverse", l)  # expect: reverse 5 [-2, -1, 7] [7, 8, 9] 21
    del l[0]
    show("del0", l)  # expect: del0 4 [-1, 7, 8] [7, 8, 9] 23
    del l[:2]
    show("del slice", l)  # expect: del slice 2 [8, 9] [8, 9] 17
    l[0:0] = [100, 200]
    show("slice assign", l)  # expect: slice assign 4 [100, 200, 8] [200, 8, 9] 317
    l += [1]
    m = l * 2
    show("copy", l.copy() + m)  # expect: copy 15 [100, 200, 8] [8, 9, 1] 954
    while l:
        l.pop(0)
    print("drained", l, len(l))  # expect: drained [] 0
    l.append(5)
    print(l, l.pop(0), l)
    # expect: [] 5 []
    # expect: pop0 1 [1] [1] 1
    # expect: append/insert 3 [-2, 1, -1] [-2, 1, -1] -2
    # expect: -2 -1 None
    # expect: extend 4 [1, 7, 8] [7, 8, 9] 25
    # expect: 1 1 True [7, 8, 9] [9]
    # expect: sort 4 [9, 8, 7] [8, 7, 1] 25
    # expect: reverse 4 [1, 7, 8] [7, 8, 9] 25
    # expect: del0 3 [7, 8, 9] [7, 8, 9] 24
    # expect: del slice 1 [9] [9] 9
    # expect: slice assign 3 [100, 200, 9] [100, 200, 9] 309
    # expect: copy 12 [100, 200, 9] [200, 9, 1] 930
    # expect: drained [] 0
    # expect: [] 5 []
    # expect: pop0 2 [1, 2] [1, 2] 3
    # expect: append/insert 4 [-2, 1, 2] [1, 2, -1] 0
    # expect: -2 -1 1
    # expect: extend 4 [2, 7, 8] [7, 8, 9] 26
    # expect: 1 1 True [7, 8, 9] [9]
    # expect: sort 4 [9, 8, 7] [8, 7, 2] 26
    # expect: reverse 4 [2, 7, 8] [7, 8, 9] 26
    # expect: del0 3 [7, 8, 9] [7, 8, 9] 24
    # expect: del slice 1 [9] [9] 9
    # expect: slice assign 3 [100, 200, 9] [100, 200, 9] 309
    # expect: copy 12 [100, 200, 9] [200, 9, 1] 930
    # expect: drained [] 0
    # expect: [] 5 []
    # expect: pop0 7 [1, 2, 3] [5, 6, 7] 28
    # expect: append/insert 9 [-2, 1, 2] [6, 7, -1] 25
    # expect: -2 -1 6
    # expect: extend 9 [1, 2, 3] [7, 8, 9] 46
    # expect: 5 1 True [2, 3, 4] [9]
    # expect: sort 9 [9, 8, 7] [3, 2, 1] 46
    # expect: reverse 9 [1, 2, 3] [7, 8, 9] 46
    # expect: del0 8 [2, 3, 4] [7, 8, 9] 45
    # expect: del slice 6 [4, 5, 7] [7, 8, 9] 40
    # expect: slice assign 8 [100, 200, 4] [7, 8, 9] 340
    # expect: copy 27 [100, 200, 4] [8, 9, 1] 1023
    # expect: drained [] 0
    # expect: [] 5 []
    # expect: pop0 99 [1, 2, 3] [97, 98, 99] 4950
    # expect: append/insert 101 [-2, 1, 2] [98, 99, -1] 4947
    # expect: -2 -1 98
    # expect: extend 101 [1, 2, 3] [7, 8, 9] 4876
    # expect: 6 2 True [2, 3, 4] [9, 51, 1]
    # expect: sort 101 [99, 97, 96] [3, 2, 1] 4876
    # expect: reverse 101 [1, 2, 3] [96, 97, 99] 4876
    # expect: del0 100 [2, 3, 4] [96, 97, 99] 4875
    # expect: del slice 98 [4, 5, 6] [96, 97, 99] 4870
    # expect: slice assign 100 [100, 200, 4] [96, 97, 99] 5170
    # expect: copy 303 [100, 200, 4] [97, 99, 1] 15513
    # expect: drained [] 0
    # expect: [] 5 []
    # expect: pop0 999 [1, 2, 3] [997, 998, 999] 499500
    # expect: append/insert 1001 [-2, 1, 2] [998, 999, -1] 499497
    # expect: -2 -1 998
    # expect: extend 1001 [1, 2, 3] [7, 8, 9] 498526
    # expect: 6 2 True [2, 3, 4] [9, 951, 901]
    # expect: sort 1001 [999, 997, 996] [3, 2, 1] 498526
    # expect: reverse 1001 [1, 2, 3] [996, 997, 999] 498526
    # expect: del0 1000 [2, 3, 4] [996, 997, 999] 498525
    # expect: del slice 998 [4, 5, 6] [996, 997, 999] 498520
    # expect: slice assign 1000 [100, 200, 4] [996, 997, 999] 498820
    # expect: copy 3003 [100, 200, 4] [997, 999, 1] 1496463
    # expect: drained [] 0
    # expect: [] 5 []

# Pops from the front and the back, alternating, then growth past capacity.
l = list(range(50))
out = []
for i in range(40):
    out.append(l.pop(0) if i % 2 == 0 else l.pop())
    if i % 5 == 0:
        l.append(1000 + i)
print(out[:10], l[:5], len(l))  # expect: [0, 1000, 1, 49, 2, 48, 3, 1005, 4, 47] [20, 21, 22, 23, 24] 18
for i in range(200):
    l.append(i)
    l.pop(0)
print(len(l), l[:3], l[-3:])  # expect: 18 [182, 183, 184] [197, 198, 199]

# Lists of objects popped from the front while collections run.
class Node:
    def __init__(self, v):
        self.v = v


nodes = [Node(i) for i in range(300)]
acc = 0
for i in range(250):
    acc += nodes.pop(0).v
    if i % 50 == 0:
        junk = [Node(j) for j in range(3000)]  # garbage: collections run
        nodes.append(Node(-i))
print(acc, len(nodes), [n.v for n in nodes[:3]], [n.v for n in nodes[-3:]])  # expect: 31125 55 [250, 251, 252] [-100, -150, -200]

# Iterating a list that pops its front inside the loop.
l = list(range(10))
for x in l:
    if x % 2 == 0 and l:
        l.pop(0)
    print(x, end=" ")  # expect: 0 2 4 6 8 [5, 6, 7, 8, 9]
print(l)
empty = []
try:
    empty.pop(0)
except IndexError as e:
    print("IndexError:", e)  # expect: IndexError: pop from empty list
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)  # expect: IndexError: pop index out of range
