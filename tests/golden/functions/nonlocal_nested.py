# nonlocal across several levels and closures over loop state.
def outer():
    level = 0
    def middle():
        nonlocal level
        level += 1
        def inner():
            nonlocal level
            level += 10
            return level
        return inner()
    middle()
    middle()
    return level
print(outer())  # expect: 22
def make_stack():
    items = []
    def push(x):
        items.append(x)
    def pop():
        return items.pop()
    def size():
        return len(items)
    return push, pop, size
push, pop, size = make_stack()
for i in range(4):
    push(i * i)
print(pop(), pop(), size())  # expect: 9 4 2
def fib_gen_closure():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
step = fib_gen_closure()
print([step() for _ in range(10)])  # expect: [1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
