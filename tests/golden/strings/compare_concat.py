# Comparison, concatenation, repetition and membership.
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "abc" == "abc")  # expect: True False True True True
print("apple" > "Apple", "z" >= "z", "a" != "b")  # expect: True True True
print(sorted(["pear", "Apple", "banana", "apple", "Banana"]))  # expect: ['Apple', 'Banana', 'apple', 'banana', 'pear']
print("ab" + "cd", "ab" * 3, 3 * "x", "x" * 0, "x" * -2, "" * 5)  # expect: abcd ababab xxx   
s = ""
for ch in "hello":
    s = s + ch.upper()
print(s)  # expect: HELLO
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts)  # expect: ['', '1', '22', '333', '4444']
print("ell" in "hello", "h" in "hello", "H" in "hello")  # expect: True True False
print(max("hello"), min("hello"), sorted("hello"))  # expect: o e ['e', 'h', 'l', 'l', 'o']
print("a" "b" == "ab", "abc"[1] == "b")  # expect: True True
words = "the cat the dog the end".split()
print(words.count("the"), words.index("dog"))  # expect: 3 3
