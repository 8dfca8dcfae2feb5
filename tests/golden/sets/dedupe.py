# Using sets to deduplicate and to track visited nodes in a graph search.
values = [5, 3, 5, 1, 3, 9, 1, 1]
print(sorted(set(values)), len(set(values)))  # expect: [1, 3, 5, 9] 4
seen = set()
ordered = []
for v in values:
    if v not in seen:
        seen.add(v)
        ordered.append(v)
print(ordered)  # expect: [5, 3, 1, 9]
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: [], 7: [1]}
visited = set()
order = []
todo = [1]
while todo:
    node = todo.pop()
    if node in visited:
        continue
    visited.add(node)
    order.append(node)
    for nxt in graph[node]:
        todo.append(nxt)
print(order, sorted(visited), 7 in visited)  # expect: [1, 3, 5, 6, 4, 2] [1, 2, 3, 4, 5, 6] False
print(len({(x, y) for x in range(4) for y in range(4) if x != y}))  # expect: 12
