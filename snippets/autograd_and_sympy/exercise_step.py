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
forward_errors = [
    (g_float(3 + step) - g_float(3)) / step - 28 for step in steps
]
central_errors = [
    (g_float(3 + step) - g_float(3 - step)) / (2 * step) - 28 for step in steps
]
for step, fwd, cen in zip(steps, forward_errors, central_errors):
    print(f"h = {step:.0e}: forward misses by {fwd:.1e}, central by {cen:.1e}")
# --8<-- [end:numbers]
