# Exercise 3: the multiply-adds of a two-layer network, forward and backward, when the input is data.

# --8<-- [start:setup]
import torch

B, n_in, n_hidden, n_out = 4, 3, 5, 2
generator = torch.Generator().manual_seed(2)
X = torch.randn(B, n_in, generator=generator)  # data: no gradient needed
W1 = torch.randn(n_hidden, n_in, generator=generator, requires_grad=True)
W2 = torch.randn(n_out, n_hidden, generator=generator, requires_grad=True)
H = torch.tanh(X @ W1.T)
Y = H @ W2.T
loss = (Y**2).mean()
loss.backward()
# --8<-- [end:setup]


# --8<-- [start:solution]
def multiply_adds(left, right):
    (rows, inner), (_, columns) = left.shape, right.shape
    return rows * columns * inner


with torch.no_grad():
    G = 2 * Y / Y.numel()  # ∂L/∂Y
    dW2 = G.T @ H  # product 1
    dH = G @ W2  # product 2: H comes from W1, so its gradient is needed
    dZ = dH * (1 - H**2)  # through tanh: elementwise, not a product
    dW1 = dZ.T @ X  # product 3; X is data, so X @ W1.T sends nothing further back
torch.testing.assert_close(W2.grad, dW2)
torch.testing.assert_close(W1.grad, dW1)

forward_cost = multiply_adds(X, W1.T) + multiply_adds(H, W2.T)
backward_cost = multiply_adds(G.T, H) + multiply_adds(G, W2) + multiply_adds(dZ.T, X)
print("forward:", forward_cost, " backward:", backward_cost, " ratio:", round(backward_cost / forward_cost, 2))
# --8<-- [end:solution]
