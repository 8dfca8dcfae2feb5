# A hot integer loop whose accumulator overflows a machine word partway through.
total = 0
step = 1
for i in range(200):
    total += step
    step *= 3
    if i in (38, 39, 40, 41, 199):
        print(i, total)
        # expect: 38 2026277576509488133
        # expect: 39 6078832729528464400
        # expect: 40 18236498188585393201
        # expect: 41 54709494565756179604
        # expect: 199 132806994437937384669390661017889813414616726326697247987287480869546245450651091497192349522000
print(total.bit_length())  # expect: 316
neg = 0
for i in range(100):
    neg -= 2 ** 62
print(neg, neg // (2 ** 62))  # expect: -461168601842738790400 -100
