# A method is replaced on the class while a loop keeps calling it.
class Counter:
    def step(self):
        return 1

c = Counter()
total = 0
for i in range(100):
    if i == 40:
        Counter.step = lambda self: 10
    if i == 80:
        Counter.step = lambda self: 100
    total += c.step()
print(total)  # expect: 2440
class Sub(Counter):
    pass
s = Sub()
results = []
for i in range(30):
    if i == 10:
        Sub.step = lambda self: -1
    if i == 20:
        del Sub.step
    results.append(s.step())
print(results)  # expect: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]
