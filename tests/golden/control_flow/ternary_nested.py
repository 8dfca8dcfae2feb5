# Conditional expressions and deeply nested control flow.
def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"

print([grade(s) for s in (95, 85, 75, 65, 90, 80)])  # expect: ['A', 'B', 'C', 'F', 'A', 'B']
def collatz_max(limit):
    best = 0
    best_n = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > best:
            best, best_n = steps, start
    return best_n, best

print(collatz_max(1000))  # expect: (871, 178)
print(abs(-3) if True else None, [] if False else [0])  # expect: 3 [0]
