# A local variable deleted mid-loop: reading it raises UnboundLocalError (in a function) or NameError (at module level).
def run():
    total = 0
    value = 5
    errors = []
    for i in range(400):
        if i == 150:
            del value
        if i == 300:
            value = -1
        try:
            total += value
        except UnboundLocalError as e:
            errors.append(i)
            if len(errors) == 1:
                print("UnboundLocalError:", e)
    return total, len(errors), errors[0], errors[-1]

print(run())
# expect: UnboundLocalError: cannot access local variable 'value' where it is not associated with a value
# expect: (650, 150, 150, 299)

# A loop variable that is only bound once the loop has run, and a for-loop variable reassigned in the body.
def loops(n):
    for i in range(n):
        i += 1000  # does not change the iteration
    try:
        return i
    except UnboundLocalError:
        return "unbound"

print(loops(300), loops(0), loops(1))  # expect: 1299 unbound 1000

seen = 0
for i in range(300):
    seen += i
    i = "ignored"
print(seen, i)  # expect: 44850 ignored

# Module-level name deleted and recreated in a hot loop.
acc = 0
for i in range(300):
    temp = i * 2
    acc += temp
    if i % 3 == 0:
        del temp
    try:
        acc += temp
    except NameError:
        acc -= 1
print(acc)  # expect: 149600
