# Conditional expressions inside comprehensions and nested comprehensions.
print(["even" if n % 2 == 0 else "odd" for n in range(6)])  # expect: ['even', 'odd', 'even', 'odd', 'even', 'odd']
print([n if n > 0 else 0 for n in [-2, 5, -1, 3]])  # expect: [0, 5, 0, 3]
print({n: ("small" if n < 3 else "big") for n in range(5)})  # expect: {0: 'small', 1: 'small', 2: 'small', 3: 'big', 4: 'big'}
print([[("x" if (r + c) % 2 else ".") for c in range(4)] for r in range(2)])  # expect: [['.', 'x', '.', 'x'], ['x', '.', 'x', '.']]
grid = ["".join("#" if (r * c) % 3 == 0 else "." for c in range(6)) for r in range(4)]
for row in grid:
    print(row)
    # expect: ######
    # expect: #..#..
    # expect: #..#..
    # expect: ######
