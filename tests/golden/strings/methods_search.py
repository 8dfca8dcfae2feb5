# Searching: find, rfind, index, count, startswith, endswith, in.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"))  # expect: 0 31 31 -1
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""))  # expect: 16 41 4 2 44
print(s.startswith("the"), s.startswith("quick", 4), s.endswith("dog"), s.endswith(("cat", "dog")))  # expect: True True True True
print(s.startswith(("a", "t")), "fox" in s, "cat" in s, "" in s, "cat" not in s)  # expect: True True False True True
print(s.find("o", 20, 30), s.count("o", 0, 15))  # expect: 26 1
print("aaaa".count("aa"), "abcabc".find("c", -2))  # expect: 2 5
try:
    s.index("cat")
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: substring not found
words = s.split()
print(len(words), words[2], words[-1])  # expect: 9 brown dog
print("banana".replace("a", "o"), "banana".replace("an", "AN", 1), "banana".replace("x", "y"))  # expect: bonono bANana banana
