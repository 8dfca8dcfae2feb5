# Comprehensions have their own scope but see enclosing variables.
factor = 3
print([factor * n for n in range(4)])  # expect: [0, 3, 6, 9]
def scaled(values, k):
    return [k * v for v in values]
print(scaled([1, 2], 10))  # expect: [10, 20]
def closures():
    return [lambda: n for n in range(3)]
print([f() for f in closures()])  # expect: [2, 2, 2]
class Holder:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
print(Holder.doubled)  # expect: [2, 4, 6]
n = 100
squares = [n * n for n in range(3)]
print(squares, n)  # expect: [0, 1, 4] 100
nested = [[n for n in range(k)] for k in range(4)]
print(nested)  # expect: [[], [0], [0, 1], [0, 1, 2]]
def gen_in_function():
    base = 5
    return sum(base + i for i in range(3))
print(gen_in_function())  # expect: 18
