# Mandelbrot: escape-time iteration counts over a grid of the complex plane.
# Stresses: tight float loops with a data-dependent exit, int accumulation.


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    i = 0
    while i < limit:
        tr = zr * zr - zi * zi + cr
        zi = 2.0 * zr * zi + ci
        zr = tr
        if zr * zr + zi * zi > 4.0:
            return i
        i += 1
    return limit


def mandelbrot(width, height, limit):
    total = 0
    inside = 0
    row_hash = 0
    for y in range(height):
        ci = 2.0 * y / height - 1.0
        row = 0
        for x in range(width):
            cr = 3.0 * x / width - 2.0
            n = escape_time(cr, ci, limit)
            total += n
            row = (row * 7 + n) % 65521
            if n == limit:
                inside += 1
        row_hash = (row_hash * 31 + row) % 1000000007
    return total, inside, row_hash


def main():
    total, inside, row_hash = mandelbrot(280, 210, 250)
    print("mandelbrot", total, inside, row_hash)


main()
