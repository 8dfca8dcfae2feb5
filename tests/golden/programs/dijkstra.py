# Shortest paths with Dijkstra's algorithm using a simple list-based queue.
graph = {
    "a": {"b": 7, "c": 9, "f": 14},
    "b": {"a": 7, "c": 10, "d": 15},
    "c": {"a": 9, "b": 10, "d": 11, "f": 2},
    "d": {"b": 15, "c": 11, "e": 6},
    "e": {"d": 6, "f": 9},
    "f": {"a": 14, "c": 2, "e": 9},
}

def dijkstra(source):
    dist = {node: float("inf") for node in graph}
    prev = {}
    dist[source] = 0
    todo = list(graph)
    while todo:
        current = min(todo, key=lambda n: (dist[n], n))
        todo.remove(current)
        for neighbour, weight in graph[current].items():
            candidate = dist[current] + weight
            if candidate < dist[neighbour]:
                dist[neighbour] = candidate
                prev[neighbour] = current
    return dist, prev

def path(prev, target):
    steps = [target]
    while steps[-1] in prev:
        steps.append(prev[steps[-1]])
    return "".join(reversed(steps))

dist, prev = dijkstra("a")
for node in sorted(dist):
    print(node, dist[node], path(prev, node))
    # expect: a 0 a
    # expect: b 7 ab
    # expect: c 9 ac
    # expect: d 20 acd
    # expect: e 20 acfe
    # expect: f 11 acf
