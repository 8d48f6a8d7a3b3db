# The power rule for y = x², at x = 3, three ways.

# --8<-- [start:by_hand]
def dy_dx(x):
    return 2 * x  # the power rule, n·x^(n-1), with n = 2


slope_by_hand = dy_dx(3)
print("by hand: dy/dx at x = 3 is", slope_by_hand)
# --8<-- [end:by_hand]

# --8<-- [start:sympy]
import sympy as sp

s = sp.Symbol("x")
derivative = sp.diff(s**2, s)
slope_sympy = derivative.subs(s, 3)
print("SymPy: dy/dx =", derivative, "which at x = 3 is", slope_sympy)
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.backward()
print("autograd: dy/dx at x = 3 is", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(float(slope_by_hand)))
# --8<-- [end:autograd]
