# Mutation through aliases and function arguments.
def add_item(target, item):
    target.append(item)
    return target

a = []
b = add_item(a, 1)
print(a, b, a is b)  # expect: [1] [1] True
add_item(b, 2)
print(a)  # expect: [1, 2]

def append_default(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_default(1), append_default(2))  # expect: [1] [2]
rows = [[]] * 3
rows[0].append("x")
print(rows)  # expect: [['x'], ['x'], ['x']]
rows = [[] for _ in range(3)]
rows[0].append("x")
print(rows)  # expect: [['x'], [], []]
c = a[:]
c.append(3)
print(a, c, a == c[:2])  # expect: [1, 2] [1, 2, 3] True
