# A first backward(): y = x² at x = 3.

# --8<-- [start:backward]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
print("before backward(): x.grad =", x.grad)
y.backward()
print("after backward():  x.grad =", x.grad)
# --8<-- [end:backward]

# --8<-- [start:two_inputs]
x1 = torch.tensor(4.0, requires_grad=True)
x2 = torch.tensor(5.0, requires_grad=True)
z = 2 * x1 + 3 * x2
z.backward()
print("x1.grad =", x1.grad, " x2.grad =", x2.grad)
# --8<-- [end:two_inputs]
