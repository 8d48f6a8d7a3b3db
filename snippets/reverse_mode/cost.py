# What one backward pass costs: the multiply-adds of a layer's matrix products, forward and backward.

# --8<-- [start:products]
import torch


def multiply_adds(left, right):
    """The multiply-adds of the matrix product left @ right: one dot product of the inner size per entry."""
    (rows, inner), (_, columns) = left.shape, right.shape
    return rows * columns * inner


B, n_in, n_out = 8, 16, 4
generator = torch.Generator().manual_seed(0)
X = torch.randn(B, n_in, generator=generator, requires_grad=True)  # as if from an earlier layer
W = torch.randn(n_out, n_in, generator=generator, requires_grad=True)
Y = X @ W.T
loss = (Y**2).mean()
loss.backward()

with torch.no_grad():
    G = 2 * Y / Y.numel()  # ∂L/∂Y
    dW, dX = G.T @ X, G @ W  # the two products the backward pass needs
torch.testing.assert_close(W.grad, dW)
torch.testing.assert_close(X.grad, dX)
forward_cost = multiply_adds(X, W.T)
backward_w_cost, backward_x_cost = multiply_adds(G.T, X), multiply_adds(G, W)
print("forward,  X @ W.T:", forward_cost)
print("backward, G.T @ X:", backward_w_cost, " for W.grad")
print("backward, G @ W:  ", backward_x_cost, " for X.grad")

from torch.utils.flop_counter import FlopCounterMode


def backward_multiply_adds(X, W):
    """PyTorch's own count of the backward pass's matrix arithmetic: its FLOPs, 2 per multiply-add."""
    loss = ((X @ W.T) ** 2).mean()
    with FlopCounterMode(display=False) as counter:
        loss.backward()
    return counter.get_total_flops() // 2


counted_both = backward_multiply_adds(X.detach().requires_grad_(), W)
counted_data = backward_multiply_adds(X.detach(), W)  # X as data: no gradient needed
print("PyTorch's count, backward, X needs a gradient:", counted_both)
print("PyTorch's count, backward, X is data:         ", counted_data)
# --8<-- [end:products]
