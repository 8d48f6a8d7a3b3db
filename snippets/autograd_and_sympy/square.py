# Example 1: y = x² at x = 3.

# --8<-- [start:autograd]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.backward()
print("autograd: dy/dx =", x.grad)
# --8<-- [end:autograd]

# --8<-- [start:sympy]
import sympy as sp

x_sym = sp.symbols("x")  # `x` names the tensor; the symbol still prints as x
dy_dx = sp.diff(x_sym**2, x_sym)
print("SymPy: dy/dx =", dy_dx, "which is", dy_dx.subs(x_sym, 3), "at x = 3")
# --8<-- [end:sympy]

# --8<-- [start:finite_difference]
h = 1e-5
slope = ((3 + h) ** 2 - (3 - h) ** 2) / (2 * h)
print(f"finite difference: dy/dx ≈ {slope:.6f}")
# --8<-- [end:finite_difference]

# --8<-- [start:agree]
exact = torch.tensor(float(dy_dx.subs(x_sym, 3)))
torch.testing.assert_close(x.grad, exact)
torch.testing.assert_close(torch.tensor(slope), exact)
print("autograd, SymPy and the finite difference agree")
# --8<-- [end:agree]
