# Exercise 5: softplus, ln(1 + e^x), has the sigmoid as its slope; checked at x = −1.

# --8<-- [start:by_rules]
import math

x0 = -1.0
u0 = 1 + math.exp(x0)  # the inner value, u = 1 + e^x
outer_slope = 1 / u0  # the slope of ln u
inner_slope = math.exp(x0)  # the slope of 1 + e^x: sum, constant and exp rules
by_rules = outer_slope * inner_slope  # the chain rule
sigma_at_x0 = 1 / (1 + math.exp(-x0))
print(f"(1 / u) × e^x = {outer_slope:.4f} × {inner_slope:.4f} = {by_rules:.4f}")
print(f"σ({x0:g}) = {sigma_at_x0:.4f}")
# --8<-- [end:by_rules]

# --8<-- [start:check]
import sympy as sp
import torch

x_sym = sp.Symbol("x")
gap = sp.simplify(sp.diff(sp.log(1 + sp.exp(x_sym)), x_sym) - 1 / (1 + sp.exp(-x_sym)))
print("SymPy: softplus' - σ simplifies to", gap)

x = torch.tensor(x0, requires_grad=True)
torch.log(1 + torch.exp(x)).backward()


def softplus64(x):
    return math.log(1 + math.exp(x))


h = 1e-5
slope_fd = (softplus64(x0 + h) - softplus64(x0 - h)) / (2 * h)

assert gap == 0
assert math.isclose(sigma_at_x0, by_rules, rel_tol=1e-12)
assert math.isclose(slope_fd, by_rules, rel_tol=1e-8)
torch.testing.assert_close(x.grad, torch.tensor(by_rules))
print(f"autograd {x.grad.item():.4f}, central difference {slope_fd:.4f}")
# --8<-- [end:check]
