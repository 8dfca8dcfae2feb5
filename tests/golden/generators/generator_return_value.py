# A generator's return value travels in StopIteration and through yield from.
def counter(limit):
    total = 0
    for i in range(limit):
        total += i
        yield i
    return total

def wrapper():
    first = yield from counter(3)
    second = yield from counter(4)
    return first + second

gen = wrapper()
values = []
while True:
    try:
        values.append(next(gen))
    except StopIteration as stop:
        print("values", values, "returned", stop.value)  # expect: values [0, 1, 2, 0, 1, 2, 3] returned 9
        break
def empty():
    return "nothing"
    yield
print(list(empty()))  # expect: []
g = empty()
try:
    next(g)
except StopIteration as stop:
    print(stop.value)  # expect: nothing
