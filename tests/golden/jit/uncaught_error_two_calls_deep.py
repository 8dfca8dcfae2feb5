# A KeyError raised two calls below a hot loop escapes: the traceback lists all three frames.
# Traceback frames, outermost first (the harness checks only the last line): <module> line 13, render line 9, fetch line 6
registry = {i: str(i) for i in range(300)}

def fetch(k):
    return registry[k]

def render(k):
    return "<" + fetch(k) + ">"

out = []
for i in range(400):
    out.append(render(i))
    if i % 100 == 0:
        print(i, out[-1], len(out))
        # expect: 0 <0> 1
        # expect: 100 <100> 101
        # expect: 200 <200> 201
# expect-error: KeyError: 300
