# set and frozenset run the same method bodies, but each method belongs to
# its class: an unbound method called on the other class is a TypeError.


def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError:", e)


for name in ["copy", "union", "intersection", "difference",
             "symmetric_difference", "issubset", "issuperset", "isdisjoint",
             "__len__", "__contains__"]:
    args = [] if name in ("copy", "__len__") else [{1}]
    if name == "__contains__":
        args = [1]
    for cls in (set, frozenset):
        meth = getattr(cls, name)
        for recv in (set([1, 2]), frozenset([1, 2]), [1]):
            r = None
            try:
                r = meth(recv, *args)
                if isinstance(r, (set, frozenset)):
                    r = (type(r).__name__, sorted(r))
                print(cls.__name__, name, type(recv).__name__, r)  # expect: set copy set ('set', [1, 2])
            except TypeError as e:
                print(cls.__name__, name, type(recv).__name__, "TypeError:", e)
                # expect: set copy frozenset TypeError: descriptor 'copy' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set copy list TypeError: descriptor 'copy' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset copy set TypeError: descriptor 'copy' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset copy frozenset ('frozenset', [1, 2])
                # expect: frozenset copy list TypeError: descriptor 'copy' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set union set ('set', [1, 2])
                # expect: set union frozenset TypeError: descriptor 'union' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set union list TypeError: descriptor 'union' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset union set TypeError: descriptor 'union' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset union frozenset ('frozenset', [1, 2])
                # expect: frozenset union list TypeError: descriptor 'union' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set intersection set ('set', [1])
                # expect: set intersection frozenset TypeError: descriptor 'intersection' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set intersection list TypeError: descriptor 'intersection' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset intersection set TypeError: descriptor 'intersection' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset intersection frozenset ('frozenset', [1])
                # expect: frozenset intersection list TypeError: descriptor 'intersection' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set difference set ('set', [2])
                # expect: set difference frozenset TypeError: descriptor 'difference' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set difference list TypeError: descriptor 'difference' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset difference set TypeError: descriptor 'difference' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset difference frozenset ('frozenset', [2])
                # expect: frozenset difference list TypeError: descriptor 'difference' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set symmetric_difference set ('set', [2])
                # expect: set symmetric_difference frozenset TypeError: descriptor 'symmetric_difference' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set symmetric_difference list TypeError: descriptor 'symmetric_difference' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset symmetric_difference set TypeError: descriptor 'symmetric_difference' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset symmetric_difference frozenset ('frozenset', [2])
                # expect: frozenset symmetric_difference list TypeError: descriptor 'symmetric_difference' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set issubset set False
                # expect: set issubset frozenset TypeError: descriptor 'issubset' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set issubset list TypeError: descriptor 'issubset' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset issubset set TypeError: descriptor 'issubset' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset issubset frozenset False
                # expect: frozenset issubset list TypeError: descriptor 'issubset' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set issuperset set True
                # expect: set issuperset frozenset TypeError: descriptor 'issuperset' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set issuperset list TypeError: descriptor 'issuperset' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset issuperset set TypeError: descriptor 'issuperset' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset issuperset frozenset True
                # expect: frozenset issuperset list TypeError: descriptor 'issuperset' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set isdisjoint set False
                # expect: set isdisjoint frozenset TypeError: descriptor 'isdisjoint' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set isdisjoint list TypeError: descriptor 'isdisjoint' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset isdisjoint set TypeError: descriptor 'isdisjoint' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset isdisjoint frozenset False
                # expect: frozenset isdisjoint list TypeError: descriptor 'isdisjoint' for 'frozenset' objects doesn't apply to a 'list' object
                # expect: set __len__ set 2
                # expect: set __len__ frozenset TypeError: descriptor '__len__' requires a 'set' object but received a 'frozenset'
                # expect: set __len__ list TypeError: descriptor '__len__' requires a 'set' object but received a 'list'
                # expect: frozenset __len__ set TypeError: descriptor '__len__' requires a 'frozenset' object but received a 'set'
                # expect: frozenset __len__ frozenset 2
                # expect: frozenset __len__ list TypeError: descriptor '__len__' requires a 'frozenset' object but received a 'list'
                # expect: set __contains__ set True
                # expect: set __contains__ frozenset TypeError: descriptor '__contains__' for 'set' objects doesn't apply to a 'frozenset' object
                # expect: set __contains__ list TypeError: descriptor '__contains__' for 'set' objects doesn't apply to a 'list' object
                # expect: frozenset __contains__ set TypeError: descriptor '__contains__' for 'frozenset' objects doesn't apply to a 'set' object
                # expect: frozenset __contains__ frozenset True
                # expect: frozenset __contains__ list TypeError: descriptor '__contains__' for 'frozenset' objects doesn't apply to a 'list' object
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              
              

attempt("frozenset.union()", lambda: frozenset.union())  # expect: frozenset.union() TypeError: unbound method frozenset.union() needs an argument
attempt("set.add frozen", lambda: set.add(frozenset(), 1))  # expect: set.add frozen TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'frozenset' object
attempt("iter", lambda: sorted(frozenset.__iter__(frozenset([3, 1]))))  # expect: iter [1, 3]
attempt("iter wrong", lambda: set.__iter__(frozenset([3, 1])))  # expect: iter wrong TypeError: descriptor '__iter__' requires a 'set' object but received a 'frozenset'

# Bound methods and operators are unaffected.
total = 0
fs = frozenset(range(10))
s = set(range(5))
for i in range(300):
    total += len(fs.union(s)) + len(s.intersection(fs)) + (i % 10 in fs)
print(total)  # expect: 4800
