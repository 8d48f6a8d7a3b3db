# Exercise 1: the gradient of s = v · (A x) for a matrix with more rows than columns.

# --8<-- [start:setup]
import torch

A = torch.tensor([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])  # shape (3, 2)
x = torch.tensor([2.0, 1.0])
v = torch.tensor([2.0, 1.0, -1.0])
# --8<-- [end:setup]

# --8<-- [start:solution]
grad_by_hand = [sum(v[i].item() * A[i, j].item() for i in range(3)) for j in range(2)]  # Σ_i v_i A_ij
print("by hand:  ", grad_by_hand)
print("A.T @ v = ", A.T @ v)

x.requires_grad_()
(v @ (A @ x)).backward()
print("autograd: ", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(grad_by_hand))
# --8<-- [end:solution]
