# A rare branch taken inside a function called (and likely inlined) from a hot loop; locals of both frames must survive the exit.
def classify(n, scale):
    base = n * scale
    label = "n"
    if n % 113 == 112:
        label = "rare"
        base = base * 1000 + 7
    elif n % 29 == 28:
        label = "odd"
        base -= 1
    return label, base

def process(n):
    counter = n % 10
    label, value = classify(n, 3 if counter < 5 else 4)
    return value + counter if label == "n" else value - counter

total = 0
rare = []
for i in range(800):
    v = process(i)
    total += v
    if v > 50000 or v < 0:
        rare.append((i, v))
    if i % 160 == 0:
        print(i, v, total)
        # expect: 0 0 0
        # expect: 160 480 381522
        # expect: 320 960 1416087
        # expect: 480 1440 4343443
        # expect: 640 1920 6348410
print(total, rare)  # expect: 11823207 [(112, 336005), (225, 900002), (338, 1351999), (451, 1353006), (564, 1692003), (677, 2708000), (790, 2370007)]

# A rare exception and a rare early return two frames down, with state carried in the loop.
def leaf(i, acc):
    if i % 211 == 210:
        raise LookupError(i)
    if i % 47 == 46:
        return acc
    return acc + i

def mid(i, acc):
    extra = [i % 3]
    try:
        return leaf(i, acc) + extra[0]
    except LookupError as e:
        return acc - e.args[0]

acc = 0
for i in range(900):
    acc = mid(i, acc)
    if i % 150 == 0 or i % 211 == 210:
        print(i, acc)
        # expect: 0 0
        # expect: 150 11196
        # expect: 210 21479
        # expect: 300 44049
        # expect: 421 86305
        # expect: 450 98556
        # expect: 600 175983
        # expect: 632 193868
        # expect: 750 274221
        # expect: 843 345200
print(acc)  # expect: 392324
