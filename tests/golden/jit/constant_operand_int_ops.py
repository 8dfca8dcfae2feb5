# Int operations with a constant operand in compiled loops: shifts by a
# constant (immediate shifts; `<<` leaves for a big int when bits would be
# shifted out), multiplication by a constant (immediate multiply, leaving on
# overflow) and constants written first (`3 * x`, `5 + x`, `0xff & x`).


def shifts(n):
    out = []
    x = 1
    for i in range(n):
        x = (x << 1) | (i & 1)
        out.append((x >> 3, x >> 63, -x >> 5))
    return out[:3], out[60:63], out[-1]


def left_shift_of_negatives(n):
    total = 0
    x = -1
    for i in range(n):
        x = x << 3
        total += x >> 2
    return x, total


def multiplies(n):
    acc = 1
    seen = []
    for i in range(n):
        acc = acc * 3 + 1
        seen.append(7 * i + (5 + i) + (0xFF & i) + (i | 0x100) + (0x0F ^ i))
    return acc, sum(seen), seen[:4]


print(shifts(70))  # expect: ([(0, 0, -1), (0, 0, -1), (1, 0, -1)], [(384307168202282325, 0, -96076792050570582), (768614336404564650, 0, -192153584101141163), (1537228672809129301, 1, -384307168202282326)], (196765270119568550570, 170, -49191317529892137643))
print(left_shift_of_negatives(30))  # expect: (-1237940039285380274899124224, -353697154081537221399749778)
print(multiplies(60))  # expect: (63586737412824305271441649801, 35178, [276, 285, 294, 303])
print(multiplies(1000)[1:])  # expect: (5255852, [276, 285, 294, 303])
