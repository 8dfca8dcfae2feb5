# Instance attributes shadow class attributes; mutable class attributes are shared.
class Team:
    members = []
    size = 0
    def __init__(self, name):
        self.name = name
    def join(self, person):
        self.members.append(person)
        self.size += 1

a = Team("a")
b = Team("b")
a.join("x")
b.join("y")
print(a.members, b.members, Team.members)  # expect: ['x', 'y'] ['x', 'y'] ['x', 'y']
print(a.size, b.size, Team.size)  # expect: 1 1 0
a.members = ["own"]
print(a.members, b.members)  # expect: ['own'] ['x', 'y']
del a.members
print(a.members)  # expect: ['x', 'y']
print("size" in vars(a), "members" in vars(b))  # expect: True False
