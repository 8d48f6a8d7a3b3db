# Exercise 3: the gradient of a column added to every column of a matrix.

# --8<-- [start:setup]
import torch

G = torch.tensor([[1.0, 2.0], [3.0, -1.0], [0.0, 4.0]])  # fixed weights, shape (3, 2)
M = torch.zeros(3, 2)
# --8<-- [end:setup]

# --8<-- [start:column]
c = torch.zeros(3, 1, requires_grad=True)
(G * (M + c)).sum().backward()
print(c.grad)
# --8<-- [end:column]

# --8<-- [start:full]
c_full = torch.zeros(3, 2, requires_grad=True)
(G * (M + c_full)).sum().backward()
print(c_full.grad)
# --8<-- [end:full]

# --8<-- [start:row]
c_row = torch.zeros(2, requires_grad=True)
(G * (M + c_row)).sum().backward()
print(c_row.grad)
# --8<-- [end:row]

# --8<-- [start:by_hand]
row_sums = G.sum(dim=1, keepdim=True)  # c is stretched along dim 1, so sum over dim 1, keep its size 1
print("G.sum(dim=1, keepdim=True) =")
print(row_sums)
torch.testing.assert_close(c.grad, row_sums)
# --8<-- [end:by_hand]
