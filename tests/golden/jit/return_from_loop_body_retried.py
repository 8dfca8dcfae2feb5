# Loops whose pass often returns from the function (a search that stops at
# a match): a recording that meets the return is retried at the loop's next
# back-edge. Matches move, types change, and an exception leaves mid-search.


def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            return i
    return -1


data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
hits = []
for k in range(400):
    t = data[k % len(data)] if k % 3 else 100 + k
    hits.append(find(data, t))
print(sum(hits), hits[:16])  # expect: 1345 [-1, 1, 2, -1, 4, 5, -1, 7, 4, -1, 4, 11, -1, 13, 5, -1]


def skip_ws(text, pos):
    while True:
        if text[pos] not in " \t":
            return pos
        pos += 1


line = "  a   b\tc " * 20 + "z"
pos = 0
word = []
while pos < len(line):
    pos = skip_ws(line, pos)
    word.append(line[pos])
    pos += 1
print("".join(word))  # expect: abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcz


def first_big(values, limit):
    for v in values:
        if v > limit:
            return v
    return None


vals = list(range(50)) + [2.5, "x"]
found = []
for limit in range(45):
    found.append(first_big(vals, limit))
print(found[-3:])  # expect: [43, 44, 45]
print(first_big(vals, 60))
# expect-error: TypeError: '>' not supported between instances of 'str' and 'int'
