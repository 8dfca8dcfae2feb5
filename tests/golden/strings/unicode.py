# Unicode: code points, ord/chr, lengths, iteration.
s = "naïve café 中文 ✓"
print(s, len(s))  # expect: naïve café 中文 ✓ 15
print(s.upper())  # expect: NAÏVE CAFÉ 中文 ✓
print([ord(c) for c in "aé中"])  # expect: [97, 233, 20013]
print(chr(97), chr(233), chr(20013), chr(0x1F600) == "\U0001F600")  # expect: a é 中 True
print(len("\U0001F600"), "😀" * 3)  # expect: 1 😀😀😀
print(s[6:10], s[-1], s.find("中"))  # expect: café ✓ 11
print(s.split(" "))  # expect: ['naïve', 'café', '中文', '✓']
count = 0
for ch in s:
    if ord(ch) > 127:
        count += 1
print(count)  # expect: 5
print("".join(reversed("añb")))  # expect: bña
print(sorted("éaz"))  # expect: ['a', 'z', 'é']
print("ß".upper())  # expect: SS
