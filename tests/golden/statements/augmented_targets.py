# Augmented assignment to subscripts and attributes evaluates the target once.
calls = []
def key(k):
    calls.append(k)
    return k
d = {"n": 1}
d[key("n")] += 10
print(d, calls)  # expect: {'n': 11} ['n']
grid = [[0, 0], [0, 0]]
for i in range(4):
    grid[i % 2][i // 2] += i + 1
print(grid)  # expect: [[1, 3], [2, 4]]
class Counter:
    def __init__(self):
        self.hits = 0
c = Counter()
for _ in range(5):
    c.hits += 2
print(c.hits)  # expect: 10
words = {"x": []}
words["x"] += ["a"]
words["x"] += "bc"
print(words)  # expect: {'x': ['a', 'b', 'c']}
t = (1, 2)
t += (3,)
print(t)  # expect: (1, 2, 3)
s = "ab"
s *= 3
print(s)  # expect: ababab
