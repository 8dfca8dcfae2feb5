# Indexing and slicing strings with steps and negative indices.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-4])  # expect: a j d g
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3])  # expect: cde abc hij hij abcdefg
print(s[::2], s[1::2], s[::-1], s[8:2:-2], s[-1:-4:-1])  # expect: acegi bdfhj jihgfedcba ige jih
print(s[5:2], s[100:], s[-100:3], s[3:3])  # expect:   abc 
print(s[:], s[::3], s[1:9:3])  # expect: abcdefghij adgj beh
print(len(s), len(""), len(s[2:]))  # expect: 10 0 8
i = 0
out = ""
while i < len(s):
    out = s[i] + out
    i += 2
print(out)  # expect: igeca
try:
    print(s[10])
except IndexError as error:
    print("IndexError:", error)  # expect: IndexError: string index out of range
print("é"[0], "héllo"[1:3], len("héllo"))  # expect: é él 5
