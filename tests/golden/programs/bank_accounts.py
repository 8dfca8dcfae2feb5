# A small object-oriented simulation with exceptions and class hierarchy.
class InsufficientFunds(Exception):
    pass

class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"<{type(self).__name__} #{self.id} {self.owner}: {self.balance}>"

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest

def transfer(source, target, amount):
    source.withdraw(amount)
    target.deposit(amount)

alice = Account("alice", 100)
bob = Savings("bob", 50)
transfer(alice, bob, 30)
print(alice, bob)  # expect: <Account #1 alice: 70> <Savings #2 bob: 80>
print(bob.add_interest(), bob)  # expect: 1.6 <Savings #2 bob: 81.6>
for amount in (500, -5):
    try:
        if amount > 0:
            transfer(bob, alice, amount)
        else:
            alice.deposit(amount)
    except InsufficientFunds as error:
        print("refused:", error)  # expect: refused: bob has 81.6, needs 500
    except ValueError as error:
        print("invalid:", error)  # expect: invalid: deposit must be positive
print(alice.history, bob.history)  # expect: [('withdraw', 30)] [('deposit', 30), ('deposit', 1.6)]
