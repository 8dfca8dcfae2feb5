# __iter__/__next__ iterators and __call__ callables.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))  # expect: [5, 4, 3, 2, 1]
for n in Countdown(3):
    print("tick", n)
    # expect: tick 3
    # expect: tick 2
    # expect: tick 1
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))  # expect: 2 1 done
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.k
triple = Multiplier(3)
print(triple(4), triple("ab"), triple.calls, callable(triple))  # expect: 12 ababab 2 True
print(list(map(triple, [1, 2, 3])))  # expect: [3, 6, 9]
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(4)
print(list(r), list(r), sum(r))  # expect: [0, 1, 2, 3] [0, 1, 2, 3] 6
