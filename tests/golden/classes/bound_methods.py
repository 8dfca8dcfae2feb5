# Bound methods are values that remember their instance.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
        return self.balance

a = Account("ann")
b = Account("bob", 100)
dep = a.deposit
print(dep(10), dep(5), a.balance)  # expect: 10 15 15
actions = [a.deposit, b.deposit, a.deposit]
print([act(1) for act in actions])  # expect: [16, 101, 17]
print(a.balance, b.balance)  # expect: 17 101
unbound = Account.deposit
print(unbound(b, 50))  # expect: 151
print(dep.__self__ is a, dep.__name__)  # expect: True deposit
print(list(map(b.deposit, [1, 2, 3])))  # expect: [152, 154, 157]
handlers = {"push": [].append}
handlers["push"](5)
words = "a b".split
print(words())  # expect: ['a', 'b']
