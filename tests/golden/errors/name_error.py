# Using an undefined name raises NameError.
def compute():
    total = 0
    for i in range(3):
        total += i
    return grand_sum_of_items

print("start")  # expect: start
compute()
# expect-error: NameError: name 'grand_sum_of_items' is not defined
