# y = Ax, the transpose, the outer product, and the gradient of v·(Ax) by hand and by autograd.

# --8<-- [start:matvec]
import torch

A = torch.tensor([[2.0, 0.0, 1.0], [1.0, 3.0, -1.0]])  # 2 rows, 3 columns: shape (n_out, n_in)
x = torch.tensor([1.0, 2.0, 3.0])  # n_in numbers
y = A @ x  # one number per row of A
print("shapes:", tuple(A.shape), "@", tuple(x.shape), "->", tuple(y.shape))
print("A @ x =", y)

rows = [(A[i] * x).sum().item() for i in range(len(A))]  # row i of A, dotted with x
print("row by row:", rows)

try:
    A @ torch.tensor([1.0, 2.0])  # two numbers, but A has three columns
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:matvec]

# --8<-- [start:transpose_outer]
print("A.T =")
print(A.T)  # row j of A.T is column j of A
print("shape:", tuple(A.T.shape))

v = torch.tensor([1.0, -1.0])
outer = torch.outer(v, x)  # entry (i, j) is v[i] * x[j]
print("torch.outer(v, x) =")
print(outer)
outer_by_hand = [[vi * xj for xj in x.tolist()] for vi in v.tolist()]
torch.testing.assert_close(outer, torch.tensor(outer_by_hand))
# --8<-- [end:transpose_outer]

# --8<-- [start:gradient]
s = v @ (A @ x)  # v from above: one weight for each output y_i  # a single number: v · y
print("s = v · (A @ x) =", s.item())

grad_x_by_hand = A.T @ v  # ∂s/∂x_j = Σ_i v_i A_ij: column j of A, dotted with v
grad_A_by_hand = outer  # ∂s/∂A_ij = v_i x_j: the outer product of v and x
print("by hand: ∂s/∂x = A.T @ v =", grad_x_by_hand)
print("by hand: ∂s/∂A = outer(v, x) =")
print(grad_A_by_hand)

A.requires_grad_()  # from here on, autograd records what is done with A and x
x.requires_grad_()
s = v @ (A @ x)
s.backward()
print("x.grad =", x.grad, " shape", tuple(x.grad.shape))
print("A.grad =")
print(A.grad, " shape", tuple(A.grad.shape))
torch.testing.assert_close(x.grad, grad_x_by_hand)
torch.testing.assert_close(A.grad, grad_A_by_hand)

from torch.autograd.functional import jacobian

J = jacobian(lambda t: A @ t, x)  # J[i, j] = ∂y_i/∂x_j
print("J =")
print(J)
torch.testing.assert_close(J, A.detach())
# --8<-- [end:gradient]
