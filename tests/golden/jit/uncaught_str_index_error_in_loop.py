# An IndexError from indexing a str escapes a hot loop, two calls deep after
# the typed fast path ran many times (the harness checks only the last line).
def char(s, i):
    return s[i]

def shout(s, i):
    return char(s, i).upper()

word = "compiled"
out = []
for i in range(300):
    out.append(shout(word, i % 9 if i > 250 else i % 8))
    if i % 100 == 0:
        print(i, "".join(out[-3:]))
        # expect: 0 C
        # expect: 100 MPI
        # expect: 200 EDC
# expect-error: IndexError: string index out of range
