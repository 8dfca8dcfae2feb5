# Function traces of functions whose loop has a trace of its own and is left
# by a `return` inside it (a parser's `while True: ... if ch == "}": return`):
# the function's trace runs the loop and goes on at that `Return`. Other
# returns in the loop, a loop that ends normally or by `break`, exceptions
# raised in the loop, and recursion through such functions must behave as
# in CPython.


class Reader:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def item(self):
        self.skip()
        ch = self.text[self.pos]
        if ch == "(":
            return self.group()
        start = self.pos
        while self.text[self.pos] not in " ()":
            self.pos += 1
        return int(self.text[start : self.pos])

    def group(self):
        self.pos += 1
        out = []
        self.skip()
        if self.text[self.pos] == ")":
            self.pos += 1
            return out
        while True:
            out.append(self.item())
            self.skip()
            if self.text[self.pos] == ")":
                self.pos += 1
                return out
            if self.text[self.pos] == "!":
                raise ValueError("bang at " + str(self.pos))


def render(v):
    if isinstance(v, int):
        return str(v)
    return "(" + " ".join([render(x) for x in v]) + ")"


def make(i, depth):
    if depth == 0:
        return str(i % 97)
    parts = [make(i + k, depth - 1) for k in range(i % 4)]
    return "( " + " ".join(parts) + " )"


total = 0
for i in range(300):
    text = make(i, 3)
    tree = Reader(text).item()
    if render(tree) != text.replace("( ", "(").replace(" )", ")"):
        print("mismatch", i, text, render(tree))
    total += len(render(tree))
print("parsed", total)  # expect: parsed 6234


# Two returns inside the loop, a normal end, and a break.
def search(items, want, limit):
    i = 0
    while i < len(items):
        if items[i] == want:
            return "found " + str(i)
        if items[i] > limit:
            return "over " + str(items[i])
        if items[i] < 0:
            break
        i += 1
    return "none " + str(i)


counts = {}
for n in range(400):
    items = [(n * 7 + k * 13) % 50 - (1 if (n + k) % 37 == 0 else 0) for k in range(n % 23)]
    r = search(items, n % 41, 45).split()[0]
    counts[r] = counts.get(r, 0) + 1
print(sorted(counts.items()))  # expect: [('found', 51), ('none', 151), ('over', 198)]


# An exception raised in the loop of such a function, caught by its caller.
bad = 0
for i in range(200):
    text = "(1 2 3 ! 4)" if i % 9 == 0 else "(1 2 3 4)"
    try:
        Reader(text).item()
    except ValueError as e:
        bad += 1
        last = str(e)
print("bad", bad, last)  # expect: bad 23 bang at 7


# The returned value built in the loop; a `for` loop left by `return`.
def first_square_over(limit, values):
    acc = []
    for v in values:
        acc.append(v * v)
        if v * v > limit:
            return acc
    return None


s = 0
nones = 0
for i in range(300):
    r = first_square_over(i * 3, range(i % 30))
    if r is None:
        nones += 1
    else:
        s += sum(r) + len(r)
print("squares", s, nones)  # expect: squares 157346 215
