# Functions and classes defined conditionally, redefined, or inside loops.
import sys
if len(sys.argv) > 5:
    def mode():
        return "many args"
else:
    def mode():
        return "few args"
print(mode())  # expect: few args
handlers = []
for name in ["a", "b", "c"]:
    def handler(n=name):
        return "handled " + n
    handlers.append(handler)
print([h() for h in handlers])  # expect: ['handled a', 'handled b', 'handled c']
def version():
    return 1
first = version
def version():
    return 2
print(first(), version())  # expect: 1 2
classes = []
for size in (1, 2):
    class Sized:
        width = size
    classes.append(Sized)
print([cls.width for cls in classes], classes[0] is classes[1])  # expect: [1, 2] False
