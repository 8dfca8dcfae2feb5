# Loops inside functions called from loops: inner loops get hot before and inside outer traces.
def row_sum(n, k):
    s = 0
    for j in range(n):
        s += (j * k) % 7
    return s

def grid(n):
    total = 0
    for i in range(n):
        total += row_sum(n, i)
    return total

results = []
for size in range(1, 30):
    results.append(grid(size))
print(results[:8], results[-1], sum(results))  # expect: [0, 1, 9, 29, 51, 85, 126, 126] 2016 20860

# A while loop inside a function whose trip count depends on the caller's loop variable.
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

best = (0, 0)
for start in range(1, 300):
    c = collatz_len(start)
    if c > best[1]:
        best = (start, c)
print(best)  # expect: (231, 127)

# Three levels: module loop -> function loop -> function loop, with early returns.
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            return idx
    return -1

def search_all(rows, target):
    hits = []
    for r, row in enumerate(rows):
        c = find(row, target)
        if c >= 0:
            hits.append((r, c))
    return hits

rows = [[(r * 7 + c * 3) % 20 for c in range(15)] for r in range(12)]
counts = []
for t in range(25):
    counts.append(len(search_all(rows, t)))
print(counts, search_all(rows, 5)[:4])  # expect: [9, 9, 9, 10, 9, 8, 9, 9, 8, 10, 10, 8, 9, 9, 8, 9, 10, 9, 9, 9, 0, 0, 0, 0, 0] [(1, 6), (3, 8), (5, 10), (6, 1)]
