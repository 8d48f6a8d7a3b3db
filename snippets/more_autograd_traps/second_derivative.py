# Trap: a second derivative needs the first derivative's own graph.

# --8<-- [start:without_create_graph]
import torch

x = torch.tensor(3.0, requires_grad=True)
f = x**3
(df_dx,) = torch.autograd.grad(f, x)
print("df/dx =", df_dx, " requires_grad:", df_dx.requires_grad)
try:
    torch.autograd.grad(df_dx, x)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:without_create_graph]

# --8<-- [start:with_create_graph]
f = x**3
(df_dx,) = torch.autograd.grad(f, x, create_graph=True)  # record the backward pass too
(d2f_dx2,) = torch.autograd.grad(df_dx, x)
print("df/dx =", df_dx)
print("d2f/dx2 =", d2f_dx2)
torch.testing.assert_close(d2f_dx2, 6 * x.detach())  # (x³)'' = 6x
# --8<-- [end:with_create_graph]
