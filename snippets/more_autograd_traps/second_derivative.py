# Trap: a second derivative needs the first derivative's own graph.

# --8<-- [start:without_create_graph]
import torch

x = torch.tensor(3.0, requires_grad=True)
f = x**3
(df_dx,) = torch.autograd.grad(f, x)
try:
    print(torch.autograd.grad(df_dx, x)[0])
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:without_create_graph]

# --8<-- [start:through_f_again]
x = torch.tensor(3.0, requires_grad=True)
f = x**3
(df_dx,) = torch.autograd.grad(f, x)
try:
    print(torch.autograd.grad(f, x)[0])  # f's graph a second time
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:through_f_again]

# --8<-- [start:with_create_graph]
x = torch.tensor(3.0, requires_grad=True)
f = x**3
(df_dx,) = torch.autograd.grad(f, x, create_graph=True)  # record the backward pass too
(d2f_dx2,) = torch.autograd.grad(df_dx, x)
print(d2f_dx2)
# --8<-- [end:with_create_graph]

# --8<-- [start:create_graph]
x = torch.tensor(3.0, requires_grad=True)
f = x**3
(plain,) = torch.autograd.grad(f, x)
print("without create_graph:", plain)
f = x**3
(df_dx,) = torch.autograd.grad(f, x, create_graph=True)  # record the backward pass too
print("with create_graph:   ", df_dx)
(d2f_dx2,) = torch.autograd.grad(df_dx, x)
print("second derivative:   ", d2f_dx2)
print("x.grad:", x.grad)  # autograd.grad returns its results and leaves .grad alone
# --8<-- [end:create_graph]
