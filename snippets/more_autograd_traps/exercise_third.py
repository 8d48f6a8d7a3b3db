# Exercise: the third derivative of x⁴.

# --8<-- [start:solution]
import torch

x = torch.tensor(5.0, requires_grad=True)
f = x**4
(first,) = torch.autograd.grad(f, x, create_graph=True)  # 4x³, with a graph
(second,) = torch.autograd.grad(first, x, create_graph=True)  # 12x², with a graph
(third,) = torch.autograd.grad(second, x)  # 24x: the last one needs no graph
print("first:", first.item(), " second:", second.item(), " third:", third.item())
# --8<-- [end:solution]
