# A formatted report mixing f-strings, format() and str methods.
rows = [("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Doohickey", 1, 99.999)]
header = f"{'Item':<10}{'Qty':>5}{'Price':>10}{'Total':>10}"
print(header)  # expect: Item        Qty     Price     Total
print("-" * len(header))  # expect: -----------------------------------
grand = 0.0
for item, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{item:<10}{qty:>5}{price:>10.2f}{total:>10.2f}")
    # expect: Widget        4      3.50     14.00
    # expect: Gadget       10     12.25    122.50
    # expect: Doohickey     1    100.00    100.00
print("-" * len(header))  # expect: -----------------------------------
print(f"{'Grand total':<25}{grand:>10.2f}")  # expect: Grand total                  236.50
print(format(grand, ".1f"), format(1234, ","), format("x", ">3"))  # expect: 236.5 1,234   x
print(format(255, "x"), format(0.5, "%"), format(-1, "+"))  # expect: ff 50.000000% -1
