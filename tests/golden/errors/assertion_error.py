# A failed assert with a message.
def withdraw(balance, amount):
    assert amount <= balance, f"cannot withdraw {amount} from {balance}"
    return balance - amount

balance = withdraw(100, 30)
print(balance)  # expect: 70
balance = withdraw(balance, 80)
# expect-error: AssertionError: cannot withdraw 80 from 70
