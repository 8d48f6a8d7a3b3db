# Exercise 2: cross-entropy when the true class is 1,
# and its gradient with respect to x.

# --8<-- [start:forward]
import torch
import torch.nn.functional as F

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
W_ROWS = [
    [0.2, -0.5, 0.3],
    [0.4, 0.1, -0.2],
    [0.1, 0.3, 0.2],
]
W = torch.tensor(W_ROWS)
label = 1  # the true class; the model predicts class 0

logits = x @ W
loss = -torch.log(F.softmax(logits, dim=0)[label])
print(f"loss = -log p_{label} = {loss.item():.4f}")
# --8<-- [end:forward]

# --8<-- [start:by_hand]
with torch.no_grad():
    one_hot = F.one_hot(torch.tensor(label), 3)  # the label as a vector y
    dL_dz = F.softmax(logits, dim=0) - one_hot
    grad_by_hand = W @ dL_dz
print("by hand:  dL/dz =", dL_dz)
print("          dL/dx =", grad_by_hand)
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
loss.backward()
print("autograd: dL/dx =", x.grad)
torch.testing.assert_close(x.grad, grad_by_hand)

# PyTorch's cross-entropy takes a batch of logits and of class indices.
loss_torch = F.cross_entropy(logits.unsqueeze(0), torch.tensor([label]))
print(f"F.cross_entropy = {loss_torch.item():.4f}")
torch.testing.assert_close(loss_torch, loss)
# --8<-- [end:autograd]
