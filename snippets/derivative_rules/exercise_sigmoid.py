# Exercise 4: the sigmoid σ(z) = 1 / (1 + e^(−z)) has slope σ(1 − σ); checked at z = 2.

# --8<-- [start:by_rules]
import math

z0 = 2.0
g0 = 1 + math.exp(-z0)  # the bottom, g = 1 + e^(−z)
g_slope = -math.exp(-z0)  # sum rule, and the chain rule on e^(−z)
by_rules = (0 * g0 - 1 * g_slope) / g0**2  # quotient rule: the top, 1, has slope 0
sigma0 = 1 / g0
one_minus_sigma = 1 - sigma0
sigma_form = sigma0 * one_minus_sigma
print(f"quotient rule: e^(-z) / (1 + e^(-z))² = {by_rules:.4f}")
print(f"σ(1 - σ) = {sigma0:.4f} × {one_minus_sigma:.4f} = {sigma_form:.4f}")
# --8<-- [end:by_rules]

# --8<-- [start:check]
import sympy as sp
import torch

z_sym = sp.Symbol("z")
sigma_sym = 1 / (1 + sp.exp(-z_sym))
gap = sp.simplify(sp.diff(sigma_sym, z_sym) - sigma_sym * (1 - sigma_sym))
print("SymPy: σ' - σ(1 - σ) simplifies to", gap)

z = torch.tensor(z0, requires_grad=True)
torch.sigmoid(z).backward()


def sigma64(z):
    return 1 / (1 + math.exp(-z))


h = 1e-5
slope_fd = (sigma64(z0 + h) - sigma64(z0 - h)) / (2 * h)

assert gap == 0
assert math.isclose(sigma_form, by_rules, rel_tol=1e-12)
assert math.isclose(slope_fd, by_rules, rel_tol=1e-8)
torch.testing.assert_close(z.grad, torch.tensor(by_rules))
print(f"autograd {z.grad.item():.4f}, central difference {slope_fd:.4f}")
# --8<-- [end:check]
