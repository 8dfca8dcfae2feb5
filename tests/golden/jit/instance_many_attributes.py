# An instance grows dozens of attributes through setattr in a loop (dict-like growth).
class Record:
    pass

r = Record()
for i in range(300):
    setattr(r, "field%d" % (i % 120), i)
    if i % 40 == 0:
        print(i, len(vars(r)))
        # expect: 0 1
        # expect: 40 41
        # expect: 80 81
        # expect: 120 120
        # expect: 160 120
        # expect: 200 120
        # expect: 240 120
        # expect: 280 120
total = 0
for i in range(120):
    total += getattr(r, "field%d" % i)
print(total, r.field0, r.field119, len(vars(r)))  # expect: 28740 240 239 120

# Many instances each with a different number of attributes.
records = []
for i in range(200):
    rec = Record()
    for k in range(i % 15):
        setattr(rec, "a%d" % k, k * i)
    records.append(rec)
s = 0
for rec in records:
    for name, value in vars(rec).items():
        s += value
    s += getattr(rec, "a3", 0)
print(s, len(vars(records[14])), len(vars(records[15])))  # expect: 642468 14 0

# Direct attribute stores mixed with setattr on the same objects.
for rec in records:
    rec.a0 = -1
    rec.last = rec.a0 * 2
print(sum(rec.last for rec in records), sum(len(vars(rec)) for rec in records))  # expect: -400 1589
