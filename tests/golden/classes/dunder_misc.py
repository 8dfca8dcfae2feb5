# __getitem__ with slices-free keys, __eq__ fallback to identity, __repr__ recursion in containers.
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, index):
        return self.rows[index]
    def __len__(self):
        return len(self.rows)
    def __eq__(self, other):
        return self.rows == other.rows
    def __mul__(self, other):
        size = len(self.rows)
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(size)) for j in range(size)] for i in range(size)])
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
m = Matrix([[1, 1], [1, 0]])
p = m
for _ in range(10):
    p = p * m
print(p, p[0][1], len(p))  # expect: Matrix([[144, 89], [89, 55]]) 89 2
print(m == Matrix([[1, 1], [1, 0]]), m != Matrix([[0]]))  # expect: True True
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
wallet = [Money(250), Money(1999), Money(5)]
print(min(wallet), max(wallet), sorted(wallet)[1])  # expect: $0.05 $19.99 $2.50
total = Money(0)
for coin in wallet:
    total = total + coin
print(total)  # expect: $22.54
