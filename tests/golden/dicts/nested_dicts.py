# Nested dictionaries: building, updating and walking a tree of dicts.
tree = {}
paths = ["a/b/c", "a/b/d", "a/e", "f"]
for path in paths:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)  # expect: {'a': {'b': {'c': {}, 'd': {}}, 'e': {}}, 'f': {}}
def count_leaves(node):
    if not node:
        return 1
    return sum(count_leaves(child) for child in node.values())
print(count_leaves(tree))  # expect: 4
def walk(node, prefix=""):
    for name in sorted(node):
        print(prefix + name)
        walk(node[name], prefix + "  ")
walk(tree)
# expect: a
# expect:   b
# expect:     c
# expect:     d
# expect:   e
# expect: f
config = {"db": {"host": "localhost", "port": 5432}, "debug": False}
config["db"]["port"] += 1
print(config["db"], config.get("cache", {}).get("size", 0))  # expect: {'host': 'localhost', 'port': 5433} 0
