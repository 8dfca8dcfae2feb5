# and/or return one of their operands and short-circuit; not returns a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)  # expect: 2 0 1 2 default 0
print([] and "x", [1] and "x", "a" or "b", False or None)  # expect: [] x a None
print(not 0, not 1, not [], not "x", not None)  # expect: True False True False True
def noisy(value):
    print("noisy", value)
    return value
print(noisy(0) and noisy(1))
# expect: noisy 0
# expect: 0
print(noisy(1) or noisy(2))
# expect: noisy 1
# expect: 1
print(noisy(1) and noisy(0) or noisy(3))
# expect: noisy 1
# expect: noisy 0
# expect: noisy 3
# expect: 3
name = ""
display = name or "anonymous"
print(display)  # expect: anonymous
items = None
print(items and len(items))  # expect: None
print((1 if 0 else 2), ("yes" if [0] else "no"))  # expect: 2 yes
x = 7
print("big" if x > 5 else "small" if x > 2 else "tiny")  # expect: big
