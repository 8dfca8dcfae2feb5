# Globals read by a function called from a hot loop are rebound mid-loop (int -> float -> function).
RATE = 2
OFFSET = 0

def cost(x):
    return x * RATE + OFFSET

total = 0
for i in range(500):
    if i == 100:
        RATE = 3
    if i == 200:
        RATE = 0.5
    if i == 300:
        OFFSET = 1000
    if i == 400:
        def cost(x):
            return -x
    total += cost(i)
    if i % 50 == 0 or i in (99, 100, 199, 200, 299, 300, 399, 400):
        print(i, cost(i), total)
        # expect: 0 0 0
        # expect: 50 100 2550
        # expect: 99 198 9900
        # expect: 100 300 10200
        # expect: 150 450 29025
        # expect: 199 597 54750
        # expect: 200 100.0 54850.0
        # expect: 250 125.0 60487.5
        # expect: 299 149.5 67225.0
        # expect: 300 1150.0 68375.0
        # expect: 350 1175.0 126512.5
        # expect: 399 1199.5 184700.0
        # expect: 400 -400 184300.0
        # expect: 450 -450 163025.0
print(total)  # expect: 139750.0

# A function rebinds a global through `global`, seen by the caller's loop.
mode = "add"
def switch(i):
    global mode
    if i % 90 == 89:
        mode = "sub" if mode == "add" else "add"

acc = 0
for i in range(450):
    switch(i)
    if mode == "add":
        acc += i
    else:
        acc -= i
print(acc, mode)  # expect: 19667 sub

# A global deleted mid-loop raises NameError, caught.
GONE = 5
seen = 0
for i in range(300):
    if i == 150:
        del GONE
    try:
        seen += GONE
    except NameError as e:
        if i == 150:
            print("NameError:", e)  # expect: NameError: name 'GONE' is not defined
        seen -= 1
print(seen)  # expect: 600
