# Records in dicts and tuples: grouping, aggregation, report formatting.
sales = [
    ("2024-01", "north", "widget", 12, 2.5),
    ("2024-01", "south", "gadget", 3, 10.0),
    ("2024-02", "north", "gadget", 7, 10.0),
    ("2024-02", "north", "widget", 1, 2.5),
    ("2024-02", "south", "widget", 20, 2.25),
    ("2024-03", "east", "gizmo", 5, 7.75),
]
by_region = {}
by_month = {}
for month, region, item, qty, price in sales:
    revenue = qty * price
    by_region[region] = by_region.get(region, 0) + revenue
    by_month.setdefault(month, []).append((item, revenue))
for region, revenue in sorted(by_region.items(), key=lambda kv: -kv[1]):
    print(f"{region:<6}{revenue:>8.2f}")
    # expect: north   102.50
    # expect: south    75.00
    # expect: east     38.75
for month in sorted(by_month):
    items = by_month[month]
    best = max(items, key=lambda pair: pair[1])
    print(month, len(items), best[0], f"{sum(r for _, r in items):.2f}")
    # expect: 2024-01 2 widget 60.00
    # expect: 2024-02 3 gadget 117.50
    # expect: 2024-03 1 gizmo 38.75
units = {}
for _, _, item, qty, _ in sales:
    units[item] = units.get(item, 0) + qty
print(sorted(units.items()))  # expect: [('gadget', 10), ('gizmo', 5), ('widget', 33)]
