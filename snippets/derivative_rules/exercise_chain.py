# Exercise 3: the chain rule on f(x) = e^(−x²/2) at x = 1.5.

# --8<-- [start:by_rules]
import math

x0 = 1.5
u0 = -(x0**2) / 2  # the inner value, u = −x²/2
outer_slope = math.exp(u0)  # the slope of e^u is e^u
inner_slope = -x0  # the slope of −x²/2: constant-multiple and power rules
by_rules = outer_slope * inner_slope  # the chain rule
print(f"e^u × u' = {outer_slope:.4f} × ({inner_slope:g}) = {by_rules:.4f}")
# --8<-- [end:by_rules]

# --8<-- [start:check]
import sympy as sp
import torch

x_sym = sp.Symbol("x")
slope_sympy = float(sp.diff(sp.exp(-(x_sym**2) / 2), x_sym).subs(x_sym, x0))

x = torch.tensor(x0, requires_grad=True)
torch.exp(-(x**2) / 2).backward()


def f64(x):
    return math.exp(-(x**2) / 2)


h = 1e-5
slope_fd = (f64(x0 + h) - f64(x0 - h)) / (2 * h)

assert math.isclose(slope_sympy, by_rules, rel_tol=1e-12)
assert math.isclose(slope_fd, by_rules, rel_tol=1e-8)
torch.testing.assert_close(x.grad, torch.tensor(by_rules))
print(f"SymPy {slope_sympy:.4f}, autograd {x.grad.item():.4f}, central difference {slope_fd:.4f}")
# --8<-- [end:check]
