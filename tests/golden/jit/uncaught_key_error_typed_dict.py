# A KeyError from a dict subscript with str keys escapes a hot loop after the
# typed fast path ran many times (the harness checks only the last line).
prices = {"apple": 3, "pear": 5, "fig": 7}
basket = ["apple", "pear", "fig"] * 100 + ["kiwi"]
total = 0
for n, item in enumerate(basket):
    total += prices[item]
    if n % 100 == 0:
        print(n, total)
        # expect: 0 3
        # expect: 100 503
        # expect: 200 1005
# expect-error: KeyError: 'kiwi'
