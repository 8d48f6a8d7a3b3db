# ReLU(x) = max(0, x) has no derivative at 0; PyTorch uses 0 there.

# --8<-- [start:autograd]
import torch

points = [-1.0, 0.0, 2.0]
slopes = []
for x0 in points:
    x = torch.tensor(x0, requires_grad=True)
    torch.relu(x).backward()
    slopes.append(x.grad.item())
    print(f"at x = {x0:g}: autograd's slope is {x.grad.item():g}")
# --8<-- [end:autograd]


# --8<-- [start:one_sided]
def relu64(x):
    return max(0.0, x)


h = 1e-5
from_right = (relu64(0 + h) - relu64(0)) / h
from_left = (relu64(0) - relu64(0 - h)) / h
central = (relu64(0 + h) - relu64(0 - h)) / (2 * h)
print(f"step to the right: {from_right:g}")
print(f"step to the left:  {from_left:g}")
print(f"central difference: {central:g}")
# --8<-- [end:one_sided]
