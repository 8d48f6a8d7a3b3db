# Exercise 3: forward against central differences on y = (2x + 1)² at x = 3.

# --8<-- [start:sympy]
import sympy as sp

x, h = sp.symbols("x h")
g = (2 * x + 1) ** 2
forward = sp.expand((g.subs(x, x + h) - g) / h)
central = sp.expand((g.subs(x, x + h) - g.subs(x, x - h)) / (2 * h))
print("forward difference:", forward)
print("central difference:", central)
# --8<-- [end:sympy]


# --8<-- [start:numbers]
def g_float(x):
    return (2 * x + 1) ** 2


steps = [1e-1, 1e-3, 1e-5]
forward_errors, central_errors = [], []
for step in steps:
    up, here, down = g_float(3 + step), g_float(3), g_float(3 - step)
    forward_errors.append((up - here) / step - 28)
    central_errors.append((up - down) / (2 * step) - 28)
    fwd, cen = forward_errors[-1], central_errors[-1]
    print(f"h = {step:.0e}: forward misses by {fwd:.1e}, central by {cen:.1e}")
# --8<-- [end:numbers]
