# Classic list algorithms: rotation, chunking, running sums, dedupe keeping order.
def rotate(items, k):
    k %= len(items)
    return items[-k:] + items[:-k]
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3], -1))  # expect: [4, 5, 1, 2, 3] [2, 3, 1]
def chunks(items, n):
    return [items[i:i + n] for i in range(0, len(items), n)]
print(chunks(list(range(7)), 3))  # expect: [[0, 1, 2], [3, 4, 5], [6]]
running = []
total = 0
for v in [3, 1, 4, 1, 5]:
    total += v
    running.append(total)
print(running)  # expect: [3, 4, 8, 9, 14]
def dedupe(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
print(dedupe([3, 1, 3, 2, 1, 4]))  # expect: [3, 1, 2, 4]
print([x for pair in zip([1, 2, 3], [10, 20, 30]) for x in pair])  # expect: [1, 10, 2, 20, 3, 30]
