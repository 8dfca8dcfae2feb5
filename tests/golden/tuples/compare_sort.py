# Lexicographic comparison and sorting of tuples.
people = [("smith", "john", 40), ("doe", "jane", 35), ("smith", "anna", 40), ("doe", "adam", 50)]
for person in sorted(people):
    print(person)
    # expect: ('doe', 'adam', 50)
    # expect: ('doe', 'jane', 35)
    # expect: ('smith', 'anna', 40)
    # expect: ('smith', 'john', 40)
print(sorted(people, key=lambda p: (-p[2], p[1])))  # expect: [('doe', 'adam', 50), ('smith', 'anna', 40), ('smith', 'john', 40), ('doe', 'jane', 35)]
print(max(people), min(people, key=lambda p: p[2]))  # expect: ('smith', 'john', 40) ('doe', 'jane', 35)
print((1, "a") < (1, "b"), (2,) > (1, "z"), () < (0,))  # expect: True True True
print((1, 2, 3) == (1, 2, 3), (1, 2) != (2, 1))  # expect: True True
print(sorted([(1, 2.5), (1, 2), (0, 100)]))  # expect: [(0, 100), (1, 2), (1, 2.5)]
