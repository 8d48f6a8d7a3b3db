# Exercise 2: w = cos(x³) at x = 1.

# --8<-- [start:by_hand]
import math

x0 = 1.0
dw_dx = -math.sin(x0**3) * 3 * x0**2  # outer −sin(x³) times inner 3x²
print(f"by hand: dw/dx = -3x²·sin(x³) = {dw_dx:.4f}")
# --8<-- [end:by_hand]

# --8<-- [start:sympy]
import sympy as sp

s = sp.Symbol("x")
derivative = sp.diff(sp.cos(s**3), s)
print(f"SymPy: dw/dx = {derivative} = {float(derivative.subs(s, 1)):.4f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(1.0, requires_grad=True)
w = torch.cos(x**3)
w.backward()
print(f"autograd: dw/dx = {x.grad.item():.4f}")
torch.testing.assert_close(x.grad, torch.tensor(dw_dx))
# --8<-- [end:autograd]
