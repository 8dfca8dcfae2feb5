# Swapping elements inside lists, dict values and object attributes.
xs = [1, 2, 3, 4]
xs[0], xs[-1] = xs[-1], xs[0]
print(xs)  # expect: [4, 2, 3, 1]
d = {"a": 1, "b": 2}
d["a"], d["b"] = d["b"], d["a"]
print(d)  # expect: {'a': 2, 'b': 1}
class Pair:
    def __init__(self):
        self.left = "L"
        self.right = "R"
p = Pair()
p.left, p.right = p.right, p.left
print(p.left, p.right)  # expect: R L
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)  # expect: [[1, 3], [2, 4]]
i, j = 0, 1
xs[i], xs[j] = xs[j], xs[i]
print(xs)  # expect: [2, 4, 3, 1]
