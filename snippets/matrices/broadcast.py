# Broadcasting: which shapes combine, and why the gradient of a broadcast tensor is a sum.

# --8<-- [start:rule]
import torch

Y = torch.zeros(4, 2)
b = torch.tensor([1.0, -1.0])
print(f"{tuple(Y.shape)} + {tuple(b.shape)} -> {tuple((Y + b).shape)}")  # b is added to every row

column = torch.tensor([0.0, 1.0, 2.0, 3.0]).unsqueeze(1)  # shape (4,) -> (4, 1)
row = torch.tensor([0.0, 10.0, 20.0]).unsqueeze(0)  # shape (3,) -> (1, 3)
table = column + row  # each size 1 is stretched to the other's size
print(f"{tuple(column.shape)} + {tuple(row.shape)} -> {tuple(table.shape)}")
print(table)
torch.testing.assert_close(column * row, torch.outer(column.squeeze(1), row.squeeze(0)))
print("column.squeeze(1):", tuple(column.shape), "->", tuple(column.squeeze(1).shape))

try:
    Y + torch.zeros(4)  # (4, 2) and (4,): the last sizes are 2 and 4
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:rule]

# --8<-- [start:gradient]
G = torch.tensor([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [3.0, 0.0, -1.0], [1.0, 1.0, 1.0]])  # fixed weights
M = torch.zeros(4, 3)
r = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)  # shape (3,): broadcast over the 4 rows
L = (G * (M + r)).sum()  # so ∂L/∂(M + r) = G
L.backward()
print("r.grad =", r.grad, " shape", tuple(r.grad.shape))
print("G.sum(dim=0) =", G.sum(dim=0))

copies = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
stacked = torch.stack([copies, copies, copies, copies])  # r written out once per row: four paths
(G * (M + stacked)).sum().backward()
print("four explicit copies:", copies.grad)
torch.testing.assert_close(r.grad, G.sum(dim=0))
torch.testing.assert_close(copies.grad, r.grad)
# --8<-- [end:gradient]
