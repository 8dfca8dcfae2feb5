# A list holding ints, floats, strings, None, bools and big ints, walked in hot loops.
items = []
for i in range(300):
    k = i % 6
    if k == 0:
        items.append(i)
    elif k == 1:
        items.append(i / 4)
    elif k == 2:
        items.append(str(i))
    elif k == 3:
        items.append(None)
    elif k == 4:
        items.append(i % 4 == 0)
    else:
        items.append(2 ** 64 + i)

numeric = 0
text = []
nones = 0
for x in items:
    if x is None:
        nones += 1
    elif isinstance(x, str):
        text.append(x)
    else:
        numeric += x
print(numeric, len(text), nones, text[:3], text[-1])  # expect: 9.223372036854776e+20 50 50 ['2', '8', '14'] 296

counts = {}
for x in items:
    name = type(x).__name__
    counts[name] = counts.get(name, 0) + 1
print(counts)  # expect: {'int': 100, 'float': 50, 'str': 50, 'NoneType': 50, 'bool': 50}

# Sorting a list of mixed numbers (int, float, bool, big int) compares across types.
nums = [x for x in items if x is not None and not isinstance(x, str)]
nums.sort()
print(nums[:6], nums[-2:])  # expect: [0, False, False, False, False, False] [18446744073709551909, 18446744073709551915]
print(max(nums), min(nums), sum(nums) / len(nums))  # expect: 18446744073709551915 0 4.611686018427388e+18

# Equality across types in one loop.
eq = 0
for i in range(300):
    a = items[i]
    b = items[(i * 7) % 300]
    if a == b:
        eq += 1
    if a == i or a == float(i):
        eq += 100
print(eq)  # expect: 5104
