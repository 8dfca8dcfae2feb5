# Exceptions raised and caught inside a hot loop, on some iterations only.
caught = 0
total = 0
for i in range(300):
    try:
        if i % 17 == 0:
            raise ValueError(i)
        total += 100 // (i % 13)
    except ZeroDivisionError:
        caught += 1
    except ValueError as error:
        total -= error.args[0]
print(total, caught)  # expect: 4097 22
d = {}
misses = 0
for i in range(100):
    try:
        d[i % 10] += 1
    except KeyError:
        d[i % 10] = 1
        misses += 1
print(misses, d)  # expect: 10 {0: 10, 1: 10, 2: 10, 3: 10, 4: 10, 5: 10, 6: 10, 7: 10, 8: 10, 9: 10}
