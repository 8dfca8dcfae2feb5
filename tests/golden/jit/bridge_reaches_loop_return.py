# A loop whose side exit leads to a `return` of the loop's own function (a
# parser's `while True: ... if ch == "]": return result`): the bridge from
# that exit ends at the return. The returned value, the state written before
# it (attributes, locals of the caller) and generators or `__init__` around it
# must be what CPython has.
class Reader:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def items(self):
        result = []
        while True:
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch == ",":
                continue
            result.append(ch * 2)

    def until(self, stop):
        count = 0
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch == stop:
                self.pos += 1
                return count, ch
            count += 1
            self.pos += 1
        return count, None


def find_first(xs, want):
    i = 0
    for x in xs:
        if x == want:
            return i, x
        if x is None:
            return -1, "none"
        i += 1
    return -2, "missing"


def main():
    r = Reader("a,b,c]" * 3 + "xyz]" + "]" * 5)
    got = [r.items() for _ in range(9)]
    print(got, r.pos)
    r2 = Reader("aaab;bb;;c" * 20)
    spans = []
    for _ in range(70):
        spans.append(r2.until(";"))
    print(spans[:6], spans[-3:], r2.pos)
    found = []
    for k in range(60):
        xs = list(range(k % 7)) + ([None] if k % 5 == 0 else []) + [3]
        found.append(find_first(xs, 3 if k % 2 else 4))
    print(found[:10], found[-5:])


main()
# expect: [['aa', 'bb', 'cc'], ['aa', 'bb', 'cc'], ['aa', 'bb', 'cc'], ['xx', 'yy', 'zz'], [], [], [], [], []] 27
# expect: [(4, ';'), (2, ';'), (0, ';'), (5, ';'), (2, ';'), (0, ';')] [(0, None), (0, None), (0, None)] 200
# expect: [(-1, 'none'), (1, 3), (-2, 'missing'), (3, 3), (-2, 'missing'), (3, 3), (4, 4), (0, 3), (-2, 'missing'), (2, 3)] [(3, 3), (-2, 'missing'), (1, 3), (-2, 'missing'), (3, 3)]
