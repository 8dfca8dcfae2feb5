# An IndexError escapes a hot loop after many clean iterations (traceback has one frame).
data = list(range(250))
total = 0
i = 0
while True:
    total += data[i]
    if i % 50 == 0:
        print(i, total)
        # expect: 0 0
        # expect: 50 1275
        # expect: 100 5050
        # expect: 150 11325
        # expect: 200 20100
    i += 1
# expect-error: IndexError: list index out of range
