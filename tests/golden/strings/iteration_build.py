# Building and iterating strings: counting characters, caesar cipher.
text = "Hello World"
counts = {}
for ch in text.lower():
    if ch.isalpha():
        counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))  # expect: [('d', 1), ('e', 1), ('h', 1), ('l', 3), ('o', 2), ('r', 1), ('w', 1)]

def caesar(message, shift):
    result = []
    for ch in message:
        if "a" <= ch <= "z":
            result.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            result.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            result.append(ch)
    return "".join(result)

secret = caesar(text, 3)
print(secret, caesar(secret, -3))  # expect: Khoor Zruog Hello World
print(list("abc"), tuple("ab"), list(enumerate("xy")))  # expect: ['a', 'b', 'c'] ('a', 'b') [(0, 'x'), (1, 'y')]
vowels = [c for c in text if c in "aeiouAEIOU"]
print(vowels, len(vowels))  # expect: ['e', 'o', 'o'] 3
print(text[::-1].swapcase())  # expect: DLROw OLLEh
print(str(123) + str(4.5) + str(True) + str(None))  # expect: 1234.5TrueNone
