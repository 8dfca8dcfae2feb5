# Strings built in hot loops: +=, join, slicing, formatting and str methods.
s = ""
for i in range(500):
    s += chr(97 + i % 26)
    if i % 100 == 99:
        s += "|"
print(len(s), s[:30], s[-10:], s.count("|"))  # expect: 505 abcdefghijklmnopqrstuvwxyzabcd xyzabcdef| 5

parts = []
for i in range(400):
    parts.append("%03d" % i if i % 2 else f"{i:x}")
joined = "-".join(parts)
print(len(joined), joined[:40], joined[-20:])  # expect: 1463 0-001-2-003-4-005-6-007-8-009-a-011-c-01 -395-18c-397-18e-399

# Repeated replace / upper / split on growing text.
text = "ab"
for i in range(300):
    text = (text + str(i % 10))[-50:]
    if i % 3 == 0:
        text = text.replace("1", "x")
    if i % 7 == 0:
        text = text.upper() if i % 2 else text.lower()
print(text, len(text.split("x")))  # expect: 0x234567890x234567890x234567890x234567890x23456789 6

# Reversing and comparing strings character by character.
pal = 0
for n in range(300):
    w = str(n * n)
    if w == w[::-1]:
        pal += 1
print(pal)  # expect: 13

# Non-ASCII text building and indexing.
u = ""
for i in range(300):
    u += "é€😀"[i % 3]
print(len(u), u[:6], u[-1], u.count("€"), u.index("😀"))  # expect: 300 é€😀é€😀 😀 100 2

# Number formatting in a loop.
lines = []
for i in range(1, 300, 37):
    lines.append(f"{i:>5}|{i / 7:8.3f}|{i * 1000:,}|{i:08b}|{-i:+d}")
for line in lines:
    print(line)
    # expect:     1|   0.143|1,000|00000001|-1
    # expect:    38|   5.429|38,000|00100110|-38
    # expect:    75|  10.714|75,000|01001011|-75
    # expect:   112|  16.000|112,000|01110000|-112
    # expect:   149|  21.286|149,000|10010101|-149
    # expect:   186|  26.571|186,000|10111010|-186
    # expect:   223|  31.857|223,000|11011111|-223
    # expect:   260|  37.143|260,000|100000100|-260
    # expect:   297|  42.429|297,000|100101001|-297
