# Assigning to a name anywhere in a function makes it local everywhere in it.
count = 10

def increment():
    count += 1
    return count

print(count)  # expect: 10
increment()
# expect-error: UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
