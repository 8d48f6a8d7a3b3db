# The power rule for y = x², at x = 3, three ways.

# --8<-- [start:by_hand]
def dy_dx(x):
    return 2 * x  # the power rule, k·x^(k-1), with k = 2


x0 = 3
slope_by_hand = dy_dx(x0)
print(f"by hand: dy/dx at x = {x0} is {slope_by_hand}")
# --8<-- [end:by_hand]

# --8<-- [start:sympy]
import sympy as sp

s = sp.Symbol("x")  # the symbol x; the Python name x is kept for the tensor below
derivative = sp.diff(s**2, s)
slope_sympy = derivative.subs(s, x0)
print(f"SymPy: dy/dx = {derivative}, which at x = {x0} is {slope_sympy}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(float(x0), requires_grad=True)
y = x**2
y.backward()
print(f"autograd: dy/dx at x = {x0} is {x.grad!r}")
torch.testing.assert_close(x.grad, torch.tensor(float(slope_by_hand)))
# --8<-- [end:autograd]
