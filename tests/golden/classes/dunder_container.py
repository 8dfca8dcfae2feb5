# Container protocol: __len__, __getitem__, __setitem__, __contains__, __iter__, __bool__.
class Grid:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.cells = [0] * (width * height)
    def __len__(self):
        return len(self.cells)
    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.width + x]
    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.width + x] = value
    def __contains__(self, value):
        return value in self.cells
    def __iter__(self):
        return iter(self.cells)

g = Grid(3, 2)
g[1, 1] = 5
g[2, 0] = 7
print(len(g), g[1, 1], g[0, 0], 5 in g, 9 in g)  # expect: 6 5 0 True False
print(list(g), sum(g), max(g))  # expect: [0, 0, 7, 0, 5, 0] 12 7
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())  # expect: [0, 10, 20, 30] True
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Falsy()), bool(Grid(1, 1)), "yes" if Empty() else "no")  # expect: False False True no
