# Example 5: a logistic model y = σ(w·x + b), same x, w and b as the linear model.

# --8<-- [start:autograd]
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0])
b = 2.0
z = w @ x + b
y = torch.sigmoid(z)
y.backward()
print("z =", z.item(), " y = σ(z) =", y.item())
print("autograd: dy/dx =", x.grad)
# --8<-- [end:autograd]

# --8<-- [start:sympy]
import sympy as sp

x1, x2, w1, w2, b_sym = sp.symbols("x1 x2 w1 w2 b")
y_sym = 1 / (1 + sp.exp(-(w1 * x1 + w2 * x2 + b_sym)))
grad_formula = [sp.diff(y_sym, x1), sp.diff(y_sym, x2)]
values = {x1: 2, x2: 3, w1: sp.Rational(1, 2), w2: -1, b_sym: 2}
grad_exact = [part.subs(values) for part in grad_formula]
print("SymPy: dy/dx1 =", grad_formula[0])
print("at the point:", grad_exact)
# --8<-- [end:sympy]

# --8<-- [start:finite_difference]
import math


def logistic(x1, x2):
    return 1 / (1 + math.exp(-(0.5 * x1 - 1.0 * x2 + 2.0)))


h = 1e-5
fd = [
    (logistic(2 + h, 3) - logistic(2 - h, 3)) / (2 * h),
    (logistic(2, 3 + h) - logistic(2, 3 - h)) / (2 * h),
]
print(f"finite difference: dy/dx ≈ [{fd[0]:.6f}, {fd[1]:.6f}]")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
exact = torch.tensor([float(value) for value in grad_exact])
torch.testing.assert_close(x.grad, exact)
sigma = y.detach()
torch.testing.assert_close(x.grad, sigma * (1 - sigma) * w)  # σ'(z)·w
torch.testing.assert_close(torch.tensor(fd), exact)
print("autograd, SymPy and the finite difference agree")
# --8<-- [end:agree]
