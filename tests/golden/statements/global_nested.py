# global statements inside nested functions and loops at module level.
total = 0
def outer():
    def inner():
        global total
        total += 5
    for _ in range(3):
        inner()
outer()
print(total)  # expect: 15
for i in range(3):
    marker = i * 10
print(marker)  # expect: 20
def make():
    global made_here
    made_here = [n for n in range(3)]
make()
print(made_here)  # expect: [0, 1, 2]
def read_only():
    return total + 1
print(read_only())  # expect: 16
if total > 10:
    flag = "high"
else:
    flag = "low"
print(flag)  # expect: high
