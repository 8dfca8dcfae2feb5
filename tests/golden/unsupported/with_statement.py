# tern-only
# `with` is outside Tern's subset: the whole file is rejected before it runs.
print("not printed: the file is rejected at compile time")
class Manager:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        return False

with Manager() as m:
    print("inside")
# expect-error: NotImplementedError: the 'with' statement is not supported by tern
