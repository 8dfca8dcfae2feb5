# One variable changes type mid-loop: int -> float -> str -> None -> int again.
v = 0
log = []
for i in range(400):
    if i < 100:
        v = v + i
    elif i < 200:
        v = v * 1.01 if i > 100 else v / 3
    elif i < 300:
        v = str(i) if i == 200 else v + "," + str(i % 10)
    elif i < 350:
        v = None
    else:
        v = i if v is None else v - 1
    if i % 50 == 0 or i in (99, 100, 101, 199, 200, 299, 300, 349, 350):
        shown = v if not isinstance(v, str) else (len(v), v[-9:])
        print(i, type(v).__name__, shown)
        # expect: 0 int 0
        # expect: 50 int 1275
        # expect: 99 int 4950
        # expect: 100 float 1650.0
        # expect: 101 float 1666.5
        # expect: 150 float 2713.6425060424062
        # expect: 199 float 4418.755265886655
        # expect: 200 str (3, '200')
        # expect: 250 str (103, '6,7,8,9,0')
        # expect: 299 str (201, '5,6,7,8,9')
        # expect: 300 NoneType None
        # expect: 349 NoneType None
        # expect: 350 int 350
print(type(v).__name__, v)  # expect: int 301

# The same expression sees int, float, str and list operands in turn.
def double(x):
    return x + x

samples = [3, 2.5, "ab", [1], True, 2 ** 60, -0.5, (1, 2)]
results = []
for i in range(320):
    results.append(double(samples[i % len(samples)]))
for r in results[:8]:
    print(type(r).__name__, r)
    # expect: int 6
    # expect: float 5.0
    # expect: str abab
    # expect: list [1, 1]
    # expect: int 2
    # expect: int 2305843009213693952
    # expect: float -1.0
    # expect: tuple (1, 2, 1, 2)
print(len(results), results[-1], results[-4])  # expect: 320 (1, 2, 1, 2) 2
