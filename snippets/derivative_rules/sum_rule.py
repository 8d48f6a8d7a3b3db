# The sum rule on f(x) = x³ − 2x² + 7 at x = 1.5.

# --8<-- [start:rule]
import math

x0 = 1.5  # the point
slope_cube = 3 * x0**2  # of x³, by the power rule
slope_square = -2 * (2 * x0)  # of −2x², by the constant-multiple and power rules
slope_constant = 0  # of 7: a constant does not change
by_rule = slope_cube + slope_square + slope_constant
print(f"by the rule: {slope_cube:g} + ({slope_square:g}) + {slope_constant} = {by_rule:.6f}")
# --8<-- [end:rule]

# --8<-- [start:sympy]
import sympy as sp

x_sym = sp.Symbol("x")
slope_sym = sp.diff(x_sym**3 - 2 * x_sym**2 + 7, x_sym)
slope_sympy = float(slope_sym.subs(x_sym, x0))
print("SymPy: f'(x) =", slope_sym)
print(f"at x = {x0:g}: {slope_sympy:.6f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(x0, requires_grad=True)
f = x**3 - 2 * x**2 + 7
f.backward()
print(f"autograd: {x.grad.item():.6f}")
# --8<-- [end:autograd]


# --8<-- [start:finite_difference]
def f64(x):
    return x**3 - 2 * x**2 + 7


h = 1e-5
slope_fd = (f64(x0 + h) - f64(x0 - h)) / (2 * h)
print(f"central difference, h = {h:g}: {slope_fd:.6f}")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
assert math.isclose(slope_sympy, by_rule, rel_tol=1e-12)
assert math.isclose(slope_fd, by_rule, rel_tol=1e-8)
torch.testing.assert_close(x.grad, torch.tensor(by_rule))
print("the rule, SymPy, autograd and the central difference agree")
# --8<-- [end:agree]
