# view: a new shape over the same memory, and gradients that come back in the input's shape.

# --8<-- [start:shares_storage]
import torch

grid = torch.arange(16.0).view(4, 4)
flat = grid.view(16)  # no copy: the same 16 numbers, read in a new shape
print("shapes:", tuple(grid.shape), tuple(flat.shape))
print("same memory:", flat.data_ptr() == grid.data_ptr())

flat[0] = 100.0  # write through one view ...
print("grid[0, 0] =", grid[0, 0].item())  # ... and read it through the other

m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = (m.view(4) ** 2).sum()
y.backward()
print("m.grad =", m.grad)
print("shape:", tuple(m.grad.shape))
torch.testing.assert_close(m.grad, 2 * m.detach())
# --8<-- [end:shares_storage]
