# Exercise 1: the gradient of the top probability with respect to the weights.

# --8<-- [start:forward]
import torch
import torch.nn.functional as F

x = torch.tensor([1.0, 2.0, 3.0])
W_ROWS = [
    [0.2, -0.5, 0.3],
    [0.4, 0.1, -0.2],
    [0.1, 0.3, 0.2],
]
W = torch.tensor(W_ROWS, requires_grad=True)

probs = F.softmax(x @ W, dim=0)
top_prob = probs[0]  # class 0 is still the prediction
# --8<-- [end:forward]

# --8<-- [start:by_hand]
with torch.no_grad():
    p = probs.detach()
    # Row 0 of the Jacobian: dp_0/dz_j = p_0 (delta_0j - p_j)
    jacobian_row = p[0] * (torch.eye(3)[0] - p)
    # Entry (k, j) of the gradient: x_k · dp_0/dz_j
    grad_W_by_hand = torch.outer(x, jacobian_row)
print("by hand: d p_0 / dW =")
print(grad_W_by_hand)
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
top_prob.backward()
print("autograd: W.grad =")
print(W.grad)
torch.testing.assert_close(W.grad, grad_W_by_hand)
# --8<-- [end:autograd]
