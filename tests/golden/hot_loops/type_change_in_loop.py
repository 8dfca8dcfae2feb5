# A loop variable changes type mid-loop: int -> big int -> float -> str.
x = 1
for i in range(80):
    if i < 70:
        x = x * 2
    elif i < 75:
        x = x / 3
    else:
        x = str(i) + "!"
    if i % 10 == 9:
        print(i, type(x).__name__, x)
        # expect: 9 int 1024
        # expect: 19 int 1048576
        # expect: 29 int 1073741824
        # expect: 39 int 1099511627776
        # expect: 49 int 1125899906842624
        # expect: 59 int 1152921504606846976
        # expect: 69 int 1180591620717411303424
        # expect: 79 str 79!
print(x)  # expect: 79!
