# Strs made every way (concatenation, join, slicing, case changes, str(int),
# split, replace), ASCII and not, empty and long, kept alive across many
# collections in a dict and a list while garbage strs are freed around them.

WORDS = ["héllo", "wörld", "abc", "", "ü", "日本語", "x" * 40, "Zeta"]


def build(i):
    w = WORDS[i % len(WORDS)]
    v = WORDS[(i * 3 + 1) % len(WORDS)]
    s = w + str(i) + v
    parts = s.split("l")
    joined = "-".join(parts)
    up = joined.upper()
    low = up.lower()
    cut = low[1:9]
    rev = low[::-1]
    rep = rev.replace("o", "0")
    return cut + "|" + rep + "|" + str(len(s))


keep = {}
ring = []
total = 0
for i in range(3000):
    t = build(i)
    total += len(t) + ord(t[0]) if t else 0
    if i % 7 == 0:
        keep[t] = i
    ring.append(t)
    if len(ring) > 50:
        ring.pop(0)

print(total)  # expect: 10332824
print(len(keep))  # expect: 429
print(sorted(keep.items())[:3])  # expect: [('03abc|cba302|6', 203), ('043abc|cba3401|7', 1043), ('051abc|cba1502|7', 2051)]
print(sorted(keep)[-2:])  # expect: ['本語917hé-|0--éh719語本日|11', '本語973hé-|0--éh379語本日|11']
print(ring[-3:])  # expect: ['本語2997hé|0--éh7992語本日|12', 'xxxxxxxx|8992xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|44', 'eta2999x|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx9992atez|48']
print(sum(len(k) for k in keep), sum(keep.values()))  # expect: 12949 642642
print("".join(ring)[:60])  # expect: xxxxxxxx|0592xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|44eta2
print(repr(keep and min(keep)), "日本語" * 2 in "".join(ring))  # expect: '03abc|cba302|6' False
