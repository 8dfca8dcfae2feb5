# Division by zero deep in a call chain.
def average(values):
    return sum(values) / len(values)

def report(groups):
    for name, values in groups:
        print(name, average(values))

report([("a", [1, 2, 3]), ("b", [4]), ("c", [])])
# expect: a 2.0
# expect: b 4.0
# expect-error: ZeroDivisionError: division by zero
