# 20000 small objects, lists and strings allocated in hot loops, linked and then dropped;
# the collector must free the garbage but never a value the loop (or compiled code) still uses.
class Cell:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt
        self.label = "c" + str(value)

WINDOW = 100
window = [None] * WINDOW  # the newest WINDOW cells, each linked to the one before
kept = []
created_sum = 0
for i in range(20000):
    cell = Cell(i, window[(i - 1) % WINDOW])
    window[i % WINDOW] = cell
    oldest = window[(i + 1) % WINDOW]
    if oldest is not None:
        oldest.next = None  # cut the chain so everything older becomes garbage
    if i % 3 == 0:
        cell.payload = [i, [i] * 3, str(i) * 2]
    if i % 3000 == 999:
        kept.append(cell)
    created_sum += cell.value
    if i % 4000 == 0:
        print(i, cell.label, created_sum)
        # expect: 0 c0 0
        # expect: 4000 c4000 8002000
        # expect: 8000 c8000 32004000
        # expect: 12000 c12000 72006000
        # expect: 16000 c16000 128008000
print(created_sum == 20000 * 19999 // 2)  # expect: True

# Walk the surviving chain from the newest cell.
total = 0
count = 0
node = window[19999 % WINDOW]
while node is not None:
    total += node.value
    count += 1
    if hasattr(node, "payload"):
        total += node.payload[1][2] - node.payload[0] + len(node.payload[2]) - len(node.label)
    node = node.next
print(count, total)  # expect: 100 1995082

# Cells kept from a second root keep their payloads even though their chains were cut.
for k in kept:
    p = getattr(k, "payload", None)
    print(k.value, k.label, k.next is None, p[0] if p else None, p[2][:6] if p else None)
    # expect: 999 c999 True 999 999999
    # expect: 3999 c3999 True 3999 399939
    # expect: 6999 c6999 True 6999 699969
    # expect: 9999 c9999 True 9999 999999
    # expect: 12999 c12999 True 12999 129991
    # expect: 15999 c15999 True 15999 159991
    # expect: 18999 c18999 True 18999 189991

# Temporary strings and lists built and dropped in a hot loop, with one value carried across.
carry = "start"
acc = 0
for i in range(4000):
    tmp = [carry, str(i), (i, i + 1)]
    carry = tmp[1] if i % 2 else carry[-3:] + tmp[1][:1]
    acc += len(tmp[0]) + tmp[2][1]
print(carry, acc)  # expect: 3999 8017391

# A dict of objects replaced in place: the old objects become garbage right after being read.
pool = {}
for i in range(4000):
    key = i % 100
    old = pool.get(key)
    pool[key] = Cell(i, old if i % 7 == 0 else None)
    if old is not None:
        acc -= old.value
print(acc, sum(c.value for c in pool.values()), pool[42].label, sum(c.next is not None for c in pool.values()))  # expect: 414341 394950 c3942 14
