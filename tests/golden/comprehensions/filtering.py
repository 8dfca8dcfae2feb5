# Filtering and mapping data records with comprehensions.
people = [
    {"name": "ann", "age": 31, "city": "oslo"},
    {"name": "bo", "age": 17, "city": "rome"},
    {"name": "cy", "age": 45, "city": "oslo"},
    {"name": "di", "age": 22, "city": "lima"},
]
adults = [p["name"] for p in people if p["age"] >= 18]
print(adults)  # expect: ['ann', 'cy', 'di']
by_city = {city: [p["name"] for p in people if p["city"] == city] for city in sorted({p["city"] for p in people})}
print(by_city)  # expect: {'lima': ['di'], 'oslo': ['ann', 'cy'], 'rome': ['bo']}
ages = [p["age"] for p in people]
print(sum(ages) / len(ages), min(ages), max(ages))  # expect: 28.75 17 45
print([(p["name"], "minor" if p["age"] < 18 else "adult") for p in people])  # expect: [('ann', 'adult'), ('bo', 'minor'), ('cy', 'adult'), ('di', 'adult')]
print({p["name"]: p["age"] // 10 * 10 for p in people})  # expect: {'ann': 30, 'bo': 10, 'cy': 40, 'di': 20}
