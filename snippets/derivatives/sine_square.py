# z = sin(x²) at x = 3: the slope by hand, with SymPy and with autograd, and a wrong formula caught.

# --8<-- [start:by_hand]
import math

x0 = 3.0
dz_dx = math.cos(x0**2) * 2 * x0  # outer slope cos(y) times inner slope 2x
print(f"by hand: dz/dx = 2x·cos(x²) = {dz_dx:.4f}")
# --8<-- [end:by_hand]

# --8<-- [start:sympy]
import sympy as sp

s = sp.Symbol("x")  # the symbol x; the Python name x is kept for the tensor below
derivative = sp.diff(sp.sin(s**2), s)
dz_dx_sympy = float(derivative.subs(s, x0))
print(f"SymPy: dz/dx = {derivative} = {dz_dx_sympy:.4f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(x0, requires_grad=True)
y = x**2  # the inner step
z = torch.sin(y)  # the outer step
z.backward()
print(f"autograd: dz/dx = {x.grad.item():.4f}")
torch.testing.assert_close(x.grad, torch.tensor(dz_dx))
# --8<-- [end:autograd]


# --8<-- [start:wrong_formula]
def dz_dx_wrong(x):
    return 2 * x + math.cos(x**2)  # adds the slopes instead of multiplying


points = [2.0, x0]
for point in points:
    right = 2 * point * math.cos(point**2)
    print(f"at x = {point:g}: the wrong formula gives {dz_dx_wrong(point):.4f}, the slope is {right:.4f}")
wrong = dz_dx_wrong(x0)
try:
    torch.testing.assert_close(x.grad, torch.tensor(wrong))
except AssertionError as mismatch:
    print(f"{type(mismatch).__name__}: {mismatch}")
# --8<-- [end:wrong_formula]
