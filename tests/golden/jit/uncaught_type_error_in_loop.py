# A TypeError from mixing types escapes a hot loop: a list element is a str at position 377.
values = [i * 0.5 for i in range(500)]
values[377] = "oops"
acc = 0.0
for i, v in enumerate(values):
    acc = acc + v * 2
    if i % 75 == 0:
        print(i, acc)
        # expect: 0 0.0
        # expect: 75 2850.0
        # expect: 150 11325.0
        # expect: 225 25425.0
        # expect: 300 45150.0
        # expect: 375 70500.0
print("not reached")
# expect-error: TypeError: unsupported operand type(s) for +: 'float' and 'str'
