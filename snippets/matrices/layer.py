# A batched linear layer Y = X Wᵀ + b, its loss, and its backward pass by hand against autograd.

# --8<-- [start:forward]
import torch
import torch.nn.functional as F

B, n_in, n_out = 4, 3, 2
X = torch.tensor([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]])  # one example per row
X.requires_grad_()  # as if X came out of an earlier layer, which needs dL/dX
W = torch.tensor([[1.0, -1.0, 2.0], [0.0, 1.0, 1.0]], requires_grad=True)  # (n_out, n_in)
b = torch.tensor([1.0, -1.0], requires_grad=True)  # (n_out,): one bias per output
Y = X @ W.T + b  # row k is W @ X[k] + b
print("shapes:", tuple(X.shape), "@", tuple(W.T.shape), "+", tuple(b.shape), "->", tuple(Y.shape))
print("Y =")
print(Y)
rows = torch.stack([W @ X[k] + b for k in range(B)])  # one example at a time
torch.testing.assert_close(Y, rows)

layer = torch.nn.Linear(n_in, n_out, device="meta")  # PyTorch's own layer; "meta": shapes, no numbers
print("nn.Linear weight shape:", tuple(layer.weight.shape), " bias shape:", tuple(layer.bias.shape))
torch.testing.assert_close(F.linear(X, W, b), Y)  # what nn.Linear computes: X @ W.T + b
# --8<-- [end:forward]

# --8<-- [start:backward]
T = torch.tensor([[2.0, 0.0], [1.0, 1.0], [4.0, 1.0], [2.0, 0.0]])  # targets, the shape of Y
L = ((Y - T) ** 2).sum()
L.backward()

with torch.no_grad():
    G = 2 * (Y - T)  # ∂L/∂Y: the gradient arriving at the layer's output, shape (B, n_out)
    dW = G.T @ X  # ∂L/∂W_ij = Σ_k G_ki X_kj, shape (n_out, n_in)
    dX = G @ W  # ∂L/∂X_kj = Σ_i G_ki W_ij, shape (B, n_in)
    db = G.sum(dim=0)  # ∂L/∂b_i = Σ_k G_ki, shape (n_out,)
print("L =", L.item())
print("G = ∂L/∂Y =")
print(G)
print("by hand:  dL/dW =", dW.tolist(), " dL/db =", db.tolist())
print("autograd: W.grad =", W.grad.tolist(), " b.grad =", b.grad.tolist())
print("by hand:  dL/dX =", dX.tolist())
print("autograd: X.grad =", X.grad.tolist())
torch.testing.assert_close(W.grad, dW)
torch.testing.assert_close(X.grad, dX)
torch.testing.assert_close(b.grad, db)
# --8<-- [end:backward]
