# Early returns from loops, nested ifs and try blocks; implicit None.
def find_index(items, target):
    for i, item in enumerate(items):
        if item == target:
            return i
    return -1

def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1

def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
    finally:
        pass

print(find_index("abcdef", "d"), find_index([1, 2], 5))  # expect: 3 -1
print(sign(5), sign(-2), sign(0))  # expect: 1 -1 None
print(safe_div(1, 4), safe_div(1, 0))  # expect: 0.25 None
def first_even_square(limit):
    n = 0
    while True:
        n += 1
        if n > limit:
            return None
        if n * n % 2 == 0:
            return n * n
print(first_even_square(10), first_even_square(1))  # expect: 4 None
