# Loop variables persist after the loop; range objects; iterating while building.
for i in range(5):
    pass
print(i)  # expect: 4
for ch in "xyz":
    last = ch
print(ch, last)  # expect: z z
r = range(2, 20, 3)
print(r, len(r), r[1], r[-1], 8 in r, 9 in r, list(r))  # expect: range(2, 20, 3) 6 5 17 True False [2, 5, 8, 11, 14, 17]
print(range(5) == range(0, 5), list(range(0)), len(range(10, 0, -2)))  # expect: True [] 5
squares = []
n = 0
while len(squares) < 5:
    squares.append(n * n)
    n += 1
print(squares, n)  # expect: [0, 1, 4, 9, 16] 5
total = 0
for x in [1, 2, 3]:
    for y in [10, 20]:
        total += x * y
print(total)  # expect: 180
