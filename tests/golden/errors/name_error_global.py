# A misspelled global at module level.
values = [1, 2, 3]
print(len(values))  # expect: 3
print(sum(other_numbers))
# expect-error: NameError: name 'other_numbers' is not defined
