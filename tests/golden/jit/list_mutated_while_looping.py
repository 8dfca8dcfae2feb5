# Lists mutated during loops: append while iterating a copy, index assignment, pop, insert, del.
items = [1, 2, 3]
for x in list(items) * 100:
    items.append(x + len(items) % 5)
print(len(items), items[:8], sum(items))  # expect: 303 [1, 2, 3, 4, 6, 3, 2, 4] 1206

# Iterating the list itself while appending: the loop sees the new elements (bounded by a check).
grow = [0]
for v in grow:
    if len(grow) < 400:
        grow.append(v + 1)
print(len(grow), grow[-1], sum(grow))  # expect: 400 399 79800

# Index assignment changes element types inside a hot loop.
arr = list(range(300))
for i in range(300):
    if i % 3 == 0:
        arr[i] = arr[i] * 1.5
    elif i % 3 == 1:
        arr[i] = str(arr[i])
    else:
        arr[-i] = None
print(arr[:7], arr[-3:], sum(1 for a in arr if a is None))  # expect: [0.0, None, 2, 4.5, None, 5, 9.0] [445.5, 'None', 299] 50

# pop from both ends and from the middle while looping with while.
q = list(range(500))
taken = []
while len(q) > 3:
    a = q.pop()
    b = q.pop(0)
    c = q.pop(len(q) // 2)
    if len(taken) < 4 or len(q) < 6:
        taken.append((a, b, c))
    if a % 7 == 0:
        q.insert(0, -a)
print(taken, q)  # expect: [(499, 0, 250), (498, 1, 249), (497, 2, 251), (496, -497, 248), (326, 148, 324)] [149, 150, 325]

# del of slices and elements inside a loop; a removing loop via remove().
r = list(range(400))
for k in range(50):
    del r[k::40]
print(len(r), r[:6], r[-3:])  # expect: 121 [1, 3, 5, 7, 9, 11] [392, 396, 397]
s = [i % 10 for i in range(300)]
removed = 0
for target in (3, 7, 3, 9):
    while target in s:
        s.remove(target)
        removed += 1
print(removed, len(s), s[:10])  # expect: 90 210 [0, 1, 2, 4, 5, 6, 8, 0, 1, 2]

# Modifying a list while iterating over it by index with changing length.
lst = list(range(100))
i = 0
while i < len(lst):
    if lst[i] % 3 == 0:
        del lst[i]
    else:
        lst[i] *= 2
        i += 1
print(len(lst), lst[:6], lst[-1])  # expect: 66 [2, 4, 8, 10, 14, 16] 196
