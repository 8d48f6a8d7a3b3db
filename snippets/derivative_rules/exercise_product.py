# Exercise 1: the product rule on f(x) = (x² + 1)·sin x at x = 0.5.

# --8<-- [start:by_rules]
import math

x0 = 0.5
f0, f_slope = x0**2 + 1, 2 * x0  # f = x² + 1: sum, power and constant rules
g0, g_slope = math.sin(x0), math.cos(x0)  # g = sin x
f_slope_g = f_slope * g0
f_g_slope = f0 * g_slope
by_rules = f_slope_g + f_g_slope  # the product rule
print(f"f'g + fg' = {f_slope_g:.4f} + {f_g_slope:.4f} = {by_rules:.4f}")
# --8<-- [end:by_rules]

# --8<-- [start:check]
import sympy as sp
import torch

x_sym = sp.Symbol("x")
slope_sympy = float(sp.diff((x_sym**2 + 1) * sp.sin(x_sym), x_sym).subs(x_sym, x0))

x = torch.tensor(x0, requires_grad=True)
((x**2 + 1) * torch.sin(x)).backward()


def f64(x):
    return (x**2 + 1) * math.sin(x)


h = 1e-5
slope_fd = (f64(x0 + h) - f64(x0 - h)) / (2 * h)

assert math.isclose(slope_sympy, by_rules, rel_tol=1e-12)
assert math.isclose(slope_fd, by_rules, rel_tol=1e-8)
torch.testing.assert_close(x.grad, torch.tensor(by_rules))
print(f"SymPy {slope_sympy:.4f}, autograd {x.grad.item():.4f}, central difference {slope_fd:.4f}")
# --8<-- [end:check]
