# Example 4: a linear model y = w·x + b with x = [2, 3], w = [0.5, -1.0], b = 2.

# --8<-- [start:autograd]
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0])
b = 2.0
y = w @ x + b
y.backward()
print("y =", y.item())
print("autograd: dy/dx =", x.grad)
# --8<-- [end:autograd]

# --8<-- [start:sympy]
import sympy as sp

x1, x2, w1, w2, b_sym = sp.symbols("x1 x2 w1 w2 b")
y_sym = w1 * x1 + w2 * x2 + b_sym
grad_formula = [sp.diff(y_sym, x1), sp.diff(y_sym, x2)]
values = {x1: 2, x2: 3, w1: sp.Rational(1, 2), w2: -1, b_sym: 2}
grad_exact = [part.subs(values) for part in grad_formula]
print("SymPy: dy/dx1 =", grad_formula[0], " dy/dx2 =", grad_formula[1])
print("with w = (1/2, -1):", grad_exact)
# --8<-- [end:sympy]


# --8<-- [start:finite_difference]
def linear(x1, x2):
    return 0.5 * x1 - 1.0 * x2 + 2.0


h = 1e-5
fd = [
    (linear(2 + h, 3) - linear(2 - h, 3)) / (2 * h),
    (linear(2, 3 + h) - linear(2, 3 - h)) / (2 * h),
]
print(f"finite difference: dy/dx ≈ [{fd[0]:.6f}, {fd[1]:.6f}]")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
exact = torch.tensor([float(value) for value in grad_exact])
torch.testing.assert_close(x.grad, exact)
torch.testing.assert_close(x.grad, w)  # the input gradient is the weights
torch.testing.assert_close(torch.tensor(fd), exact)
print("autograd, SymPy and the finite difference agree")
# --8<-- [end:agree]
