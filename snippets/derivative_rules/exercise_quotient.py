# Exercise 2: the quotient rule on tan x = sin x / cos x at x = 0.6.

# --8<-- [start:by_rules]
import math

x0 = 0.6
f0, f_slope = math.sin(x0), math.cos(x0)  # f = sin x
g0, g_slope = math.cos(x0), -math.sin(x0)  # g = cos x
numerator = f_slope * g0 - f0 * g_slope  # cos² x + sin² x
denominator = g0**2
by_rules = numerator / denominator  # the quotient rule
print(f"(f'g - fg') / g² = {numerator:.4f} / {denominator:.4f} = {by_rules:.4f}")
# --8<-- [end:by_rules]

# --8<-- [start:check]
import sympy as sp
import torch

x_sym = sp.Symbol("x")
slope_sympy = float(sp.diff(sp.tan(x_sym), x_sym).subs(x_sym, x0))

x = torch.tensor(x0, requires_grad=True)
torch.tan(x).backward()

h = 1e-5
slope_fd = (math.tan(x0 + h) - math.tan(x0 - h)) / (2 * h)

assert math.isclose(slope_sympy, by_rules, rel_tol=1e-12)
assert math.isclose(slope_fd, by_rules, rel_tol=1e-8)
torch.testing.assert_close(x.grad, torch.tensor(by_rules))
print(f"SymPy {slope_sympy:.4f}, autograd {x.grad.item():.4f}, central difference {slope_fd:.4f}")
# --8<-- [end:check]
