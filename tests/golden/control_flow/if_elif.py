# if/elif/else chains and truthiness of many kinds of values.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"

for n in (-5, 0, 4, 7):
    print(n, classify(n))
    # expect: -5 negative
    # expect: 0 zero
    # expect: 4 even
    # expect: 7 odd
for value in (0, 1, -1, 0.0, 0.1, "", "0", [], [0], (), {}, {0: 0}, None, True, False, set()):
    if value:
        print(repr(value), "truthy")
    else:
        print(repr(value), "falsy")
        # expect: 0 falsy
        # expect: 1 truthy
        # expect: -1 truthy
        # expect: 0.0 falsy
        # expect: 0.1 truthy
        # expect: '' falsy
        # expect: '0' truthy
        # expect: [] falsy
        # expect: [0] truthy
        # expect: () falsy
        # expect: {} falsy
        # expect: {0: 0} truthy
        # expect: None falsy
        # expect: True truthy
        # expect: False falsy
        # expect: set() falsy
x = 15
if x % 3 == 0 and x % 5 == 0:
    print("fizzbuzz")  # expect: fizzbuzz
if not x > 20:
    print("not greater")  # expect: not greater
