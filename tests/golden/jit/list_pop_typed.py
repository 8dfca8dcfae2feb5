# list.pop() and list.pop(i) in hot loops, through the JIT's typed helper:
# negative indexes, an emptied list and an out-of-range index (the trace
# leaves; the interpreter raises the IndexError), a queue popped from the
# front.


def pops():
    total = 0
    errs = []
    for i in range(400):
        lst = [1, 2, 3, i]
        total += lst.pop()
        total += lst.pop(0)
        total += lst.pop(-1) * 10
        if i % 37 == 0:
            lst.clear()
        try:
            total += lst.pop(i % 3 - 1)
        except IndexError as e:
            errs.append(str(e))
        idx = 5 if i % 41 == 0 else 0
        try:
            total += [7, 8].pop(idx)
        except IndexError as e:
            errs.append(str(e))
    print("pops", total, len(errs), sorted(set(errs)))


def queue():
    todo = [0]
    seen = 0
    while len(todo) > 0:
        d = todo.pop(0)
        seen += d
        if d < 600:
            todo.append(d + 1)
            if d % 100 == 0:
                todo.append(d + 550)
    print("queue", seen)


pops()  # expect: pops 95448 151 ['pop from empty list', 'pop index out of range']
queue()  # expect: queue 213875
