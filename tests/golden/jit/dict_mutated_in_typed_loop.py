# A dict read and written through the typed fast paths while the same loop
# deletes keys, clears it, grows it past several resizes and swaps it for
# another dict; unhashable keys still raise TypeError.
def churn(n):
    d = {}
    total = 0
    for i in range(n):
        k = i % 37
        d[k] = d.get(k, 0) + i
        if i % 11 == 0 and k in d:
            del d[k]
        if i % 500 == 499:
            d.clear()
        total += len(d)
    return total, sorted(d.items())[:3]

print(churn(2100))  # expect: (67444, [(0, 2072), (1, 4109), (2, 6111)])

def grow(n):
    d = {}
    for i in range(n):
        d[i * 31] = i
        d[str(i)] = d.get(str(i - 1), -1) + 1
    return len(d), d[31 * (n - 1)], d[str(n - 1)]

print(grow(5000))  # expect: (10000, 4999, 4999)

def swap(n):
    a = {"k": 1}
    b = {"k": 100}
    pair = [a, b]
    for i in range(n):
        cur = pair[i % 2]
        cur["k"] = cur.get("k", 0) + 1
    return a, b

print(swap(300))  # expect: ({'k': 151}, {'k': 250})

def bad_key(n):
    d = {}
    keys = [1, "a"] * n + [[1]]
    for k in keys:
        d[k] = d.get(k, 0) + 1
    return d

try:
    bad_key(100)
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: unhashable type: 'list'
