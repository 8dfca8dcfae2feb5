# A local assigned only on one branch is unbound on the other.
def pick(flag):
    if flag:
        result = "chosen"
    return result

print(pick(True))  # expect: chosen
print(pick(False))
# expect-error: UnboundLocalError: cannot access local variable 'result' where it is not associated with a value
