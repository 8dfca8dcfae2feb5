# Sets of strings, always shown sorted so output does not depend on hashing.
words = "to be or not to be that is the question".split()
unique = set(words)
print(len(unique), sorted(unique))  # expect: 8 ['be', 'is', 'not', 'or', 'question', 'that', 'the', 'to']
vowels = set("aeiou")
for word in sorted(unique):
    found = vowels & set(word)
    print(word, sorted(found))
    # expect: be ['e']
    # expect: is ['i']
    # expect: not ['o']
    # expect: or ['o']
    # expect: question ['e', 'i', 'o', 'u']
    # expect: that ['a']
    # expect: the ['e']
    # expect: to ['o']
print("be" in unique, "was" in unique)  # expect: True False
a = set("hello")
b = set("world")
print(sorted(a & b), sorted(a | b), sorted(a - b))  # expect: ['l', 'o'] ['d', 'e', 'h', 'l', 'o', 'r', 'w'] ['e', 'h']
print(frozenset([1, 2]) == {1, 2}, sorted(frozenset("ba")))  # expect: True ['a', 'b']
