# Division by zero happens on some iterations of a hot loop and is caught each time.
caught = 0
total = 0
for i in range(400):
    d = i % 17 - 8
    try:
        total += 1000 // d
        total += 1000 % d
        if i % 3 == 0:
            total += int(1000 / d)
    except ZeroDivisionError as error:
        caught += 1
        if caught <= 3:
            print("caught at", i, error)
    if i % 100 == 0:
        print(i, total, caught)
        # expect: 0 -250 0
        # expect: caught at 8 integer division or modulo by zero
        # expect: caught at 25 integer division or modulo by zero
        # expect: caught at 42 integer division or modulo by zero
        # expect: 100 -107 6
        # expect: 200 -573 12
        # expect: 300 -1005 18
print(total, caught)  # expect: -3154 24

# Float division by zero and modulo by zero give different messages.
messages = []
for i in range(300):
    zero = 0.0 if i % 2 else 0
    try:
        if i % 3 == 0:
            v = 1.5 / zero
        elif i % 3 == 1:
            v = 7 % zero
        else:
            v = 7 // zero
    except ZeroDivisionError as error:
        text = str(error)
        if text not in messages:
            messages.append(text)
print(messages)  # expect: ['float division by zero', 'float modulo', 'integer division or modulo by zero', 'integer modulo by zero', 'float floor division by zero']
