# Exceptions raised inside functions called from a hot loop (one and two calls deep), caught by the loop.
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient: %d > %d" % (amount, self.balance))
        self.balance -= amount
        return self.balance

def pay(account, amount):
    return account.withdraw(amount)  # two levels below the loop

def lookup(d, k):
    return d[k]

acct = Account(10000)
ok = 0
fail = 0
msgs = []
for i in range(400):
    try:
        pay(acct, i % 60)
        ok += 1
    except ValueError as e:
        fail += 1
        if len(msgs) < 3:
            msgs.append(str(e))
        acct.balance += 500
    if i % 80 == 0:
        print(i, acct.balance, ok, fail)
        # expect: 0 10000 1 0
        # expect: 80 8020 81 0
        # expect: 160 5640 161 0
        # expect: 240 2920 241 0
        # expect: 320 940 321 0
print(acct.balance, ok, fail, msgs)  # expect: 237 397 3 ['insufficient: 48 > 22', 'insufficient: 58 > 45', 'insufficient: 31 > 21']

d = {"a": 1, "b": 2}
keys = ["a", "b", "c"]
got = 0
missing = []
for i in range(300):
    try:
        got += lookup(d, keys[i % 3])
    except KeyError as e:
        missing.append(e.args[0])
print(got, len(missing), missing[:2])  # expect: 300 100 ['c', 'c']

# The exception unwinds through a frame that has its own handler for a different type.
def middle(i):
    try:
        return inner(i)
    except KeyError:
        return -1

def inner(i):
    if i % 7 == 0:
        raise IndexError("seven")
    if i % 11 == 0:
        raise KeyError("eleven")
    return i

s = 0
idx = 0
for i in range(300):
    try:
        s += middle(i)
    except IndexError:
        idx += 1
print(s, idx)  # expect: 34809 43

# Exception state after the loop: the last caught exception's chain.
def chain(i):
    try:
        return 10 // (i - 150)
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped at %d" % i) from e

wrapped = None
for i in range(300):
    try:
        chain(i)
    except RuntimeError as e:
        wrapped = e
print(wrapped, type(wrapped.__cause__).__name__, wrapped.__cause__)  # expect: wrapped at 150 ZeroDivisionError integer division or modulo by zero
