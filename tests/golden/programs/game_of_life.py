# Conway's game of life on a small wrapping board.
WIDTH = 10
HEIGHT = 8
def step(alive):
    counts = {}
    for (x, y) in alive:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    cell = ((x + dx) % WIDTH, (y + dy) % HEIGHT)
                    counts[cell] = counts.get(cell, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in alive)}

def show(alive):
    for y in range(HEIGHT):
        print("".join("#" if (x, y) in alive else "." for x in range(WIDTH)))

glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
board = glider
for generation in range(4):
    board = step(board)
show(board)
# expect: ..........
# expect: ..#.......
# expect: ...#......
# expect: .###......
# expect: ..........
# expect: ..........
# expect: ..........
# expect: ..........
print(len(board), sorted(board))  # expect: 5 [(1, 3), (2, 1), (2, 3), (3, 2), (3, 3)]
blinker = {(4, 4), (5, 4), (6, 4)}
print(sorted(step(blinker)), step(step(blinker)) == blinker)  # expect: [(5, 3), (5, 4), (5, 5)] True
