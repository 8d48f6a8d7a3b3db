# The shape tools model code uses: reshape, torch.cat and repeat_interleave.

# --8<-- [start:tools]
import torch

t = torch.arange(6.0)  # 0, 1, ..., 5
print(t.reshape(2, 3))  # read in order, row after row
print(t.reshape(3, 2))
print(tuple(t.reshape(-1, 2).shape))  # -1: whatever size makes the count come out
try:
    t.reshape(4, 2)  # 8 places for 6 numbers
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")

classes = torch.tensor([0.0, 1.0])
print("repeat_interleave:", classes.repeat_interleave(3))  # each entry 3 times, in place
centres = torch.tensor([[0.0, 0.0], [3.0, 3.0]])
print(centres.repeat_interleave(2, dim=0))  # each row twice

print("cat:", torch.cat([torch.zeros(2), torch.ones(3)]))  # end to end: 2 + 3 numbers
points = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
product = points[:, :1] * points[:, 1:]  # first column times second column, shape (3, 1)
with_product = torch.cat([points, product], dim=1)  # a third column, side by side
print(tuple(points.shape), "and", tuple(product.shape), "->", tuple(with_product.shape))
print(with_product)
# --8<-- [end:tools]
