# Aligned columns with str methods and format specs, including unicode text.
rows = [("id", "name", "score"), (1, "Ada", 93.5), (22, "Grace", 88.25), (333, "Linus", 7.0)]
for r in rows:
    print(f"{str(r[0]):>4} | {r[1]:<6} | {str(r[2]):>6}")
    # expect:   id | name   |  score
    # expect:    1 | Ada    |   93.5
    # expect:   22 | Grace  |  88.25
    # expect:  333 | Linus  |    7.0
print("=" * 22)  # expect: ======================
for r in rows[1:]:
    print("{:04d}|{:^7}|{:6.1f}".format(*r))
    # expect: 0001|  Ada  |  93.5
    # expect: 0022| Grace |  88.2
    # expect: 0333| Linus |   7.0
print("%-6s|%6s|" % ("left", "right"))  # expect: left  | right|
print("naïve".ljust(7, ".") + "|", "日本".center(6, "*"))  # expect: naïve..| **日本**
