# List, dict and set comprehensions (and nested ones) evaluated inside hot loops.
acc = 0
for i in range(300):
    squares = [x * x for x in range(i % 20)]
    evens = {x for x in squares if x % 2 == 0}
    index = {x: j for j, x in enumerate(squares) if j % 3}
    acc += sum(squares) + len(evens) + sum(index.values())
    if i % 60 == 13:
        print(i, acc, sorted(evens)[:4], list(index.items())[:2])
        # expect: 13 2659 [0, 4, 16, 36] [(1, 1), (4, 2)]
        # expect: 73 37735 [0, 4, 16, 36] [(1, 1), (4, 2)]
        # expect: 133 72811 [0, 4, 16, 36] [(1, 1), (4, 2)]
        # expect: 193 107887 [0, 4, 16, 36] [(1, 1), (4, 2)]
        # expect: 253 142963 [0, 4, 16, 36] [(1, 1), (4, 2)]
print(acc)  # expect: 175380

# The comprehension variable does not leak and shadows an outer name.
x = "outer"
for i in range(200):
    total = sum([x for x in range(i % 7)])
print(x, total)  # expect: outer 3

# Nested comprehensions with several for clauses and conditions.
tables = []
for n in range(1, 40):
    t = [(a, b) for a in range(n % 6) for b in range(a) if (a + b) % 2]
    tables.append(len(t))
print(tables[:12], sum(tables))  # expect: [0, 1, 2, 4, 6, 0, 0, 1, 2, 4, 6, 0] 81

# A comprehension that captures the loop variable through a closure.
funcs = []
for i in range(100):
    funcs.append([lambda k=k: k + i for k in range(3)])
print(funcs[5][2](), funcs[99][0](), sum(f() for row in funcs for f in row))  # expect: 101 99 30000

matrix = [[r * 10 + c for c in range(8)] for r in range(8)]
for rep in range(50):
    matrix = [list(col) for col in zip(*matrix)]
print(matrix[0], matrix[7][:3])  # expect: [0, 1, 2, 3, 4, 5, 6, 7] [70, 71, 72]
