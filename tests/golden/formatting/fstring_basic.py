# f-strings: expressions, nested quotes, conversions, braces.
name = "Ada"
age = 36
print(f"{name} is {age}")  # expect: Ada is 36
print(f"{name!r} {name!s} {age + 1} {age * 2}")  # expect: 'Ada' Ada 37 72
print(f"{{literal}} {{{age}}}")  # expect: {literal} {36}
items = [1, 2, 3]
print(f"{len(items)} items: {items} first={items[0]} last={items[-1]}")  # expect: 3 items: [1, 2, 3] first=1 last=3
d = {"k": 5}
print(f"{d['k']} {'yes' if age > 30 else 'no'}")  # expect: 5 yes
print(f"{name.upper()}-{name.lower()}")  # expect: ADA-ada
print(f"{3.5} {True} {None} {[1, 'a']}")  # expect: 3.5 True None [1, 'a']
width = 8
print(f"[{name:>{width}}] [{name:<{width}}] [{name:^{width}}]")  # expect: [     Ada] [Ada     ] [  Ada   ]
print(f"{age:{'>'}{6}}")  # expect:     36
print(f"""multi
{name}""")
# expect: multi
# expect: Ada
