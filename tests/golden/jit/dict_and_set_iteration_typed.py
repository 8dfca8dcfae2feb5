# for loops over a dict's keys, values and items and over a set, stepped by
# the JIT's typed iterator helper: entries deleted and re-added between
# loops, and a dict or set that changes size mid-loop (the trace leaves;
# the interpreter raises the RuntimeError).


def keys_values_items():
    d = {"a": 1, "b": 2, "c": 3}
    s = {5, 6, 7}
    total = 0
    names = []
    for i in range(300):
        d["k" + str(i % 4)] = i
        for k in d:
            total += d[k]
        for v in d.values():
            total += v
        for k, v in d.items():
            total += len(k) * v
        for x in s:
            total += x
        if i % 50 == 0:
            names.append(",".join([k for k in d]))
            del d["a"]
            d["a"] = i
    print("iter", total, names[-1])


def changed_size():
    msgs = []
    for i in range(300):
        d = {j: j for j in range(5)}
        s = {j for j in range(5)}
        try:
            for k in d:
                if k == 3 and i % 7 == 0:
                    d[100] = 1
        except RuntimeError as e:
            msgs.append(str(e))
        try:
            for k in s:
                if k == 2 and i % 11 == 0:
                    s.add(100)
        except RuntimeError as e:
            msgs.append(str(e))
    print("changed", len(msgs), msgs[:2])


keys_values_items()  # expect: iter 832093 b,c,k0,k1,k2,k3,a
changed_size()  # expect: changed 71 ['dictionary changed size during iteration', 'Set changed size during iteration']
