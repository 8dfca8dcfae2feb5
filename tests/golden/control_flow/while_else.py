# while/else and for/else: else runs only when the loop was not broken.
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")

find([1, 2, 3], 2)  # expect: found at 1
find([1, 2, 3], 5)  # expect: not found
find([], 1)  # expect: not found
n = 0
while n < 3:
    n += 1
else:
    print("while finished with", n)  # expect: while finished with 3
n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never printed")
print("broke at", n)  # expect: broke at 4
for p in range(2, 20):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=" ")  # expect: 2 3 5 7 11 13 17 19 
print()
