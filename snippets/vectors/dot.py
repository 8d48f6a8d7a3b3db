# y = 2·xᵀx for x = [0, 1, 2, 3], then y = 2·sum(x) on the same x.

# --8<-- [start:forward]
import torch

x = torch.arange(4.0, requires_grad=True)  # [0., 1., 2., 3.]
y = 2 * x @ x  # @ is the dot product: 2·(0² + 1² + 2² + 3²)
print("x =", x)
print("y =", y)
# --8<-- [end:forward]

# --8<-- [start:by_hand]
values = [0.0, 1.0, 2.0, 3.0]
gradient_by_hand = [4 * value for value in values]  # ∂y/∂x_i = 4·x_i
print("by hand: ∇y =", gradient_by_hand)
# --8<-- [end:by_hand]

# --8<-- [start:sympy]
import sympy as sp

xs = sp.symbols("x0:4")
y_symbolic = 2 * sum(xi**2 for xi in xs)
gradient_symbolic = [sp.diff(y_symbolic, xi) for xi in xs]
at_x = dict(zip(xs, [0, 1, 2, 3]))
print("SymPy: ∇y =", gradient_symbolic)
print("at x:     ", [g.subs(at_x) for g in gradient_symbolic])
# --8<-- [end:sympy]

# --8<-- [start:autograd]
y.backward()
print("autograd: x.grad =", x.grad)
torch.testing.assert_close(x.grad, 4 * x.detach())
torch.testing.assert_close(x.grad, torch.tensor(gradient_by_hand))
# --8<-- [end:autograd]

# --8<-- [start:sum]
x.grad.zero_()  # forget the previous gradient before the next backward
y_sum = 2 * x.sum()
y_sum.backward()
print("y =", y_sum)
print("x.grad =", x.grad)
# --8<-- [end:sum]
