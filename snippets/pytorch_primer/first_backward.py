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
a = torch.tensor(4.0, requires_grad=True)
c = torch.tensor(5.0, requires_grad=True)
z = 2 * a + 3 * c
z.backward()
print("a.grad =", a.grad, " c.grad =", c.grad)
# --8<-- [end:two_inputs]
