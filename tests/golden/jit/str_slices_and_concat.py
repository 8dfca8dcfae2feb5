# Slices of strs and lists with int or omitted bounds and no step, and str
# concatenation, run as typed fast paths in compiled loops; negative and
# out-of-range bounds, non-ASCII text, steps, other bound types and other
# operand types at the same sites behave as in CPython.
def heads(words, n):
    out = []
    for w in words:
        out.append(w[:n] + "|" + w[-2:] + "|" + w[1:-1] + "|" + w[n:])
    return out

words = ["alpha", "é✓ab", "x", "", "gamma-delta"] * 20
print(heads(words, 3)[:5])  # expect: ['alp|ha|lph|ha', 'é✓a|ab|✓a|b', 'x|x||', '|||', 'gam|ta|amma-delt|ma-delta']
print(heads(words, -9)[:2], heads(words, 100)[-1])  # expect: ['|ha|lph|alpha', '|ab|✓a|é✓ab'] gamma-delta|ta|amma-delt|

def windows(items, size):
    out = []
    for i in range(len(items)):
        out.append(items[i : i + size])
    return out

print(windows(list(range(6)), 3))  # expect: [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5], [5]]
print(windows("héllo", 2))  # expect: ['hé', 'él', 'll', 'lo', 'o']

# Slices with a step, a tuple, bounds of other types, and an object with
# __getitem__ at the same site.
class Seq:
    def __getitem__(self, key):
        return (key.start, key.stop, key.step)

def mixed(things):
    out = []
    for t in things:
        out.append(t[1:3])
    return out

print(mixed(["abcd", [1, 2, 3], (4, 5, 6), Seq(), "é✓x"] * 30)[:5])  # expect: ['bc', [2, 3], (5, 6), (1, 3, None), '✓x']

def stepped(s, n):
    out = []
    for i in range(n):
        out.append(s[i % 3 : None : 1] + s[::2] + s[i % 2 :: -1])
    return out

print(stepped("abcdef", 60)[:3])  # expect: ['abcdefacea', 'bcdefaceba', 'cdefacea']
try:
    for b in [1] * 100 + [1.5]:
        "abc"[b:]
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: slice indices must be integers or None or have an __index__ method
print([("abcdef"[b:] if b is not True else "bool") for b in [True, False, 2]])  # expect: ['bool', 'abcdef', 'cdef']
print("abcdef"[True:], [1, 2, 3][False:True])  # expect: bcdef [1]

# Concatenation of strs, then of lists and ints at the same site, and +=.
def join_all(parts):
    acc = ""
    for p in parts:
        acc += p
    return acc

print(join_all(["ab", "é", "", "✓"] * 25)[:8], len(join_all(["ab", "é"] * 500)))  # expect: abé✓abé✓ 1500
def add_pairs(pairs):
    out = []
    for a, b in pairs:
        out.append(a + b)
    return out

print(add_pairs([("a", "b"), ([1], [2]), (1, 2), ("é", "✓")] * 30)[:4])  # expect: ['ab', [1, 2], 3, 'é✓']
try:
    add_pairs([("a", "b")] * 100 + [("a", 1)])
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: can only concatenate str (not "int") to str
# A slice of a str is a new object, equal but not identical, as in CPython
# for strs longer than one character.
s = "abcdef"
print(all(s[1:4] == "bcd" for i in range(100)), s[:] == s)  # expect: True True
