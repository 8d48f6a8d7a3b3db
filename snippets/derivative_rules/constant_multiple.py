# The constant-multiple rule on f(x) = 5x³ at x = 0.8.

# --8<-- [start:rule]
import math

x0 = 0.8  # the point
c = 5  # the constant
inner_slope = 3 * x0**2  # the slope of x³, by the power rule
by_rule = c * inner_slope  # c times the slope of x³
print(f"by the rule: {c} × {inner_slope:.6f} = {by_rule:.6f}")
# --8<-- [end:rule]

# --8<-- [start:sympy]
import sympy as sp

x_sym = sp.Symbol("x")
slope_sym = sp.diff(5 * x_sym**3, x_sym)
slope_sympy = float(slope_sym.subs(x_sym, x0))
print("SymPy: f'(x) =", slope_sym)
print(f"at x = {x0:g}: {slope_sympy:.6f}")
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

x = torch.tensor(x0, requires_grad=True)
f = 5 * x**3
f.backward()
print(f"autograd: {x.grad.item():.6f}")
# --8<-- [end:autograd]


# --8<-- [start:finite_difference]
def f64(x):
    return 5 * x**3


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
