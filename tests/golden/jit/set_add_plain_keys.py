# set.add in hot loops with str and int keys (no __eq__ dispatch), then keys
# that need the full protocol: a float equal to a stored int, a bool, an
# instance whose __eq__ matches strs, and an unhashable key (TypeError).


class Loose:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        return other == self.text or isinstance(other, Loose) and other.text == self.text


def collect(keys):
    seen = set()
    for k in keys:
        seen.add(k)
    return seen


words = ["ka" + str(i % 37) for i in range(500)]
print(len(collect(words)))  # expect: 37
print(len(collect([i % 41 - 20 for i in range(500)])))  # expect: 41
print(len(collect([-1, -2, 1, 2] * 30)))  # expect: 4

mixed = list(range(60)) + [1.0, 2.0, 2.5, True, False, -1]
print(sorted(collect(mixed), key=str)[:6], len(collect(mixed)))  # expect: [-1, 0, 1, 10, 11, 12] 62

s = set()
for i in range(100):
    s.add("w" + str(i % 10))
    if i == 50:
        s.add(Loose("w3"))
        s.add(Loose("zz"))
print(len(s), "zz" in s)  # expect: 11 True

for i in range(80):
    s.add(str(i % 5))
    if i == 70:
        s.add([i])
# expect-error: TypeError: unhashable type: 'list'
