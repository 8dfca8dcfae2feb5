# A tiny n-body simulation with floats; prints energies rounded to 9 digits.
PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24
bodies = [
    [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS],
    [[4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
     [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR, -6.90460016972063023e-05 * DAYS_PER_YEAR],
     9.54791938424326609e-04 * SOLAR_MASS],
    [[8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
     [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR, 2.30417297573763929e-05 * DAYS_PER_YEAR],
     2.85885980666130812e-04 * SOLAR_MASS],
]

def energy():
    e = 0.0
    for i, (pos, vel, mass) in enumerate(bodies):
        e += 0.5 * mass * (vel[0] ** 2 + vel[1] ** 2 + vel[2] ** 2)
        for pos2, vel2, mass2 in bodies[i + 1:]:
            dx = pos[0] - pos2[0]
            dy = pos[1] - pos2[1]
            dz = pos[2] - pos2[2]
            e -= mass * mass2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e

def advance(dt, steps):
    for _ in range(steps):
        for i, (pos, vel, mass) in enumerate(bodies):
            for pos2, vel2, mass2 in bodies[i + 1:]:
                dx = pos[0] - pos2[0]
                dy = pos[1] - pos2[1]
                dz = pos[2] - pos2[2]
                mag = dt / (dx * dx + dy * dy + dz * dz) ** 1.5
                vel[0] -= dx * mass2 * mag
                vel[1] -= dy * mass2 * mag
                vel[2] -= dz * mass2 * mag
                vel2[0] += dx * mass * mag
                vel2[1] += dy * mass * mag
                vel2[2] += dz * mass * mag
        for pos, vel, mass in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]

print(f"{energy():.9f}")  # expect: -0.166188305
advance(0.01, 200)
print(f"{energy():.9f}")  # expect: -0.166141886
print(round(bodies[1][0][0], 6))  # expect: 2.980357
