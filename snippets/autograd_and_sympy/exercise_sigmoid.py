# Exercise 2: the sigmoid's derivative is σ(1 − σ), and it is largest at z = 0.

# --8<-- [start:sympy]
import sympy as sp

z = sp.symbols("z")
sigma = 1 / (1 + sp.exp(-z))
gap = sp.simplify(sp.diff(sigma, z) - sigma * (1 - sigma))
print("σ'(z) − σ(z)(1 − σ(z)) simplifies to", gap)
print("σ'(0) =", sp.diff(sigma, z).subs(z, 0))
# --8<-- [end:sympy]

# --8<-- [start:autograd]
import torch

zs = torch.linspace(-6.0, 6.0, 13, requires_grad=True)
s = torch.sigmoid(zs)
# Each s[i] depends on zs[i] alone, so zs.grad[i] is the slope at zs[i].
s.sum().backward()
torch.testing.assert_close(zs.grad, s.detach() * (1 - s.detach()))
steepest = zs.grad.argmax()
largest_slope, steepest_z = zs.grad[steepest].item(), zs[steepest].item()
print("largest slope:", largest_slope, "at z =", steepest_z)
# --8<-- [end:autograd]

# --8<-- [start:finite_difference]
import math

h = 1e-5
fd_at_0 = (1 / (1 + math.exp(-h)) - 1 / (1 + math.exp(h))) / (2 * h)
print(f"finite difference at z = 0: {fd_at_0:.6f}")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
exact = torch.tensor(float(sp.diff(sigma, z).subs(z, 0)))  # σ'(0) from SymPy
torch.testing.assert_close(zs.grad[steepest], exact)
torch.testing.assert_close(torch.tensor(fd_at_0), exact)
print("SymPy, autograd and the finite difference agree on σ'(0)")
# --8<-- [end:agree]
