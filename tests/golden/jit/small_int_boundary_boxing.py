# Boxing an int checks that it fits a small int (48 bits): values walk across
# both ends of that range inside compiled loops, boxed into a list (a checked
# box in the loop) and live at exits (boxed by the exit stubs), so each side
# of 2^47 - 1 and -2^47 is boxed both ways.

TOP = 2**47 - 1
BOTTOM = -(2**47)


def walk(start, step, n):
    out = []
    x = start
    for i in range(n):
        x = x + step
        out.append(x & -1)
    return out


def exits(start, n):
    x = start
    hits = 0
    for i in range(n):
        x += 1
        if i % 7 == 3:
            hits += 1
    return x, hits


print(walk(TOP - 500, 1, 1000)[495:506])  # expect: [140737488355323, 140737488355324, 140737488355325, 140737488355326, 140737488355327, 140737488355328, 140737488355329, 140737488355330, 140737488355331, 140737488355332, 140737488355333]
print(walk(BOTTOM + 500, -1, 1000)[495:506])  # expect: [-140737488355324, -140737488355325, -140737488355326, -140737488355327, -140737488355328, -140737488355329, -140737488355330, -140737488355331, -140737488355332, -140737488355333, -140737488355334]
print(walk(TOP - 2000, 3, 1000)[-3:])  # expect: [140737488356321, 140737488356324, 140737488356327]
print(exits(TOP - 600, 1200))  # expect: (140737488355927, 171)
print(exits(BOTTOM - 600, 1200))  # expect: (-140737488354728, 171)
print(exits(-600, 1200))  # expect: (600, 171)
