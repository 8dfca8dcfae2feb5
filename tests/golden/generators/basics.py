# Generator functions: lazy execution, next(), StopIteration, exhaustion.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("done")

gen = count_up(3)
print("created")  # expect: created
print(next(gen))
# expect: start
# expect: 0
print(next(gen))  # expect: 1
print(list(gen))
# expect: done
# expect: [2]
print(list(gen))  # expect: []
try:
    next(gen)
except StopIteration:
    print("StopIteration")  # expect: StopIteration
print(next(count_up(0), "empty"))
# expect: start
# expect: done
# expect: empty
def squares(limit):
    for i in range(limit):
        yield i * i
print(sum(squares(10)), max(squares(5)), list(squares(4)))  # expect: 285 16 [0, 1, 4, 9]
print(type(count_up(1)).__name__)  # expect: generator
