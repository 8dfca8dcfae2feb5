# An AttributeError inside a method called from a hot loop, after the layout changes mid-loop.
# Traceback frames, outermost first (the harness checks only the last line): <module> line 17, move line 8
class Particle:
    def __init__(self, x):
        self.x = x
        self.velocity = 1
    def move(self):
        self.x += self.velocity
        return self.x

particles = [Particle(i) for i in range(5)]
total = 0
for i in range(500):
    p = particles[i % 5]
    if i == 333:
        del particles[3].velocity
    total += p.move()
    if i % 50 == 0:
        print(i, total)
        # expect: 0 1
        # expect: 50 386
        # expect: 100 1271
        # expect: 150 2656
        # expect: 200 4541
        # expect: 250 6926
        # expect: 300 9811
# expect-error: AttributeError: 'Particle' object has no attribute 'velocity'
