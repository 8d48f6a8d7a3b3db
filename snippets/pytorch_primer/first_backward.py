# A first backward(): y = x² at x = 3.

# --8<-- [start:backward]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
print("before backward(): x.grad =", x.grad)
y.backward()
print("after backward():  x.grad =", x.grad)
# --8<-- [end:backward]
