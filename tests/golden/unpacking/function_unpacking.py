# Unpacking in calls: *args and **kwargs from sequences, dicts and generators.
def show(a, b, c=0, *rest, **named):
    return f"a={a} b={b} c={c} rest={rest} named={sorted(named.items())}"
print(show(*[1, 2]))  # expect: a=1 b=2 c=0 rest=() named=[]
print(show(*(1, 2, 3, 4, 5)))  # expect: a=1 b=2 c=3 rest=(4, 5) named=[]
print(show(*range(2), c=9))  # expect: a=0 b=1 c=9 rest=() named=[]
print(show(1, *"xy", d=4))  # expect: a=1 b=x c=y rest=() named=[('d', 4)]
print(show(**{"a": 1, "b": 2}))  # expect: a=1 b=2 c=0 rest=() named=[]
print(show(*[1], **{"b": 2, "z": 26}))  # expect: a=1 b=2 c=0 rest=() named=[('z', 26)]
print(show(*(x * x for x in range(4))))  # expect: a=0 b=1 c=4 rest=(9,) named=[]
args = [3, 4]
kwargs = {"c": 5}
print(show(*args, **kwargs), show(0, *args, **kwargs))
# expect-error: TypeError: show() got multiple values for argument 'c'
