# Two backward passes into the same x add up, until x.grad.zero_().

# --8<-- [start:sin_then_cos]
import math

import torch

x = torch.tensor(2.0, requires_grad=True)
torch.sin(x).backward()
after_sin = x.grad.item()
print(f"after sin:     x.grad = {after_sin:.4f}   cos 2 = {math.cos(2):.4f}")

torch.cos(x).backward()  # a second call: its gradient is added to x.grad
after_cos = x.grad.item()
both = math.cos(2) - math.sin(2)
print(f"after cos:     x.grad = {after_cos:.4f}   cos 2 - sin 2 = {both:.4f}")

x.grad.zero_()  # start afresh
torch.cos(x).backward()
after_zero = x.grad.item()
print(f"zero_(), cos:  x.grad = {after_zero:.4f}   -sin 2 = {-math.sin(2):.4f}")
# --8<-- [end:sin_then_cos]
