# Indexing a string past its end.
word = "abc"
for i in range(5):
    print(word[i])
    # expect: a
    # expect: b
    # expect: c
# expect-error: IndexError: string index out of range
