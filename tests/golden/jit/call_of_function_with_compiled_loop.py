# A hot loop calls functions whose own loops already have compiled traces:
# those calls are not inlined (the interpreter would run the inner traces
# and leave the recording), so the outer loop compiles with calls; results,
# exceptions raised inside and tracebacks stay as in CPython.
def digits(n):
    total = 0
    while n:
        total += n % 10
        n //= 10
    return total

def squares(k):
    out = []
    for i in range(k):
        out.append(i * i)
    return out

# Warm the inner loops up first, so they have traces of their own.
warm = 0
for i in range(200):
    warm += digits(i * 7919) + len(squares(i % 5))
print(warm)  # expect: 5700

def outer(n):
    acc = 0
    for i in range(n):
        acc += digits(i * 31) + sum(squares(i % 7))
    return acc

print(outer(500))  # expect: 16199

def checked(k):
    total = 0
    for i in range(k):
        if i == 8:
            raise ValueError("inner loop failed at %d" % i)
        total += i
    return total

for i in range(100):
    checked(5)
try:
    for i in range(200):
        checked(5 if i < 150 else 9)
except ValueError as e:
    print("ValueError:", e, i)  # expect: ValueError: inner loop failed at 8 150
