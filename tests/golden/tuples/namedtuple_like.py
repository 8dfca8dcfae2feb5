# Tuples used as lightweight records with index constants.
NAME, AGE, CITY = 0, 1, 2
people = [("ann", 31, "oslo"), ("bo", 17, "rome"), ("cy", 45, "oslo")]
for person in people:
    print(person[NAME].title(), person[AGE], person[CITY].upper())
    # expect: Ann 31 OSLO
    # expect: Bo 17 ROME
    # expect: Cy 45 OSLO
oldest = max(people, key=lambda p: p[AGE])
print(oldest)  # expect: ('cy', 45, 'oslo')
by_city = {}
for p in people:
    by_city.setdefault(p[CITY], []).append(p[NAME])
print(by_city)  # expect: {'oslo': ['ann', 'cy'], 'rome': ['bo']}
updated = tuple(p[:AGE] + (p[AGE] + 1,) + p[AGE + 1:] for p in people)
print(updated)  # expect: (('ann', 32, 'oslo'), ('bo', 18, 'rome'), ('cy', 46, 'oslo'))
