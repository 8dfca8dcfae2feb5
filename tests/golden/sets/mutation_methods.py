# Mutating set methods and their return values; pop on a one-element set.
s = {1, 2, 3}
print(s.add(4), s)  # expect: None {1, 2, 3, 4}
print(s.discard(10), s.discard(1), s)  # expect: None None {2, 3, 4}
print(s.update({5, 6}, [7]), s)  # expect: None {2, 3, 4, 5, 6, 7}
print(s.intersection_update(range(5)), s)  # expect: None {2, 3, 4}
print(s.symmetric_difference_update({3, 9}), s)  # expect: None {9, 2, 4}
one = {42}
print(one.pop(), one, len(one))  # expect: 42 set() 0
try:
    one.pop()
except KeyError as error:
    print("KeyError:", error)  # expect: KeyError: 'pop from an empty set'
t = set()
for i in range(10):
    if i % 2:
        t.add(i)
    else:
        t.discard(i - 1)
print(t)  # expect: {9}
