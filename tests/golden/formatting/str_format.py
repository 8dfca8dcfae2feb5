# str.format with positional, numbered, keyword and attribute/index fields.
print("{} + {} = {}".format(1, 2, 3))  # expect: 1 + 2 = 3
print("{0}{1}{0}".format("ab", "cd"))  # expect: abcdab
print("{name} is {age}".format(name="Bob", age=7))  # expect: Bob is 7
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))  # expect: 20 v
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"))  # expect:     a|b    |  c  |
print("{:.3f} {:e} {:,}".format(3.14159, 12345.678, 9876543))  # expect: 3.142 1.234568e+04 9,876,543
print("{!r} {!s}".format("q", "q"))  # expect: 'q' q
print("{{}} {}".format("x"))  # expect: {} x
print("{:08.3f}".format(-3.14159))  # expect: -003.142
print("{0:{1}}|".format("w", 6))  # expect: w     |
row = "{:<8}{:>6}{:>8.2f}"
for item, qty, price in [("apple", 3, 0.5), ("melon", 12, 2.25), ("kiwi", 100, 0.125)]:
    print(row.format(item, qty, qty * price))
    # expect: apple        3    1.50
    # expect: melon       12   27.00
    # expect: kiwi       100   12.50
print("{:x} {:b} {:o}".format(255, 5, 8))  # expect: ff 101 10
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(3, 4)
print("({0.x}, {0.y})".format(p))  # expect: (3, 4)
