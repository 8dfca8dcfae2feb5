# An uncaught user exception ends the program with its class name and message.
class BudgetExceeded(Exception):
    pass

spent = 0
for cost in [10, 20, 30, 40]:
    spent += cost
    print("spent", spent)
    # expect: spent 10
    # expect: spent 30
    # expect: spent 60
    if spent > 50:
        raise BudgetExceeded(f"spent {spent} of 50")
# expect-error: BudgetExceeded: spent 60 of 50
