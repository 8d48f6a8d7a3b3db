# Exercise 2: one step of gradient descent from the lesson's starting point.

# --8<-- [start:forward]
import math

import torch
import torch.nn.functional as F

x = torch.tensor(6.7)
y = torch.tensor(0.0)
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
learning_rate = 0.1

loss_before = F.binary_cross_entropy_with_logits(w * x + b, y)
loss_before.backward()
# --8<-- [end:forward]

# --8<-- [start:by_hand]
y_hat = 1 / (1 + math.exp(-6.7))  # at the start z = 1 * 6.7 + 0; float64
w_by_hand = 1.0 - learning_rate * (y_hat - 0.0) * 6.7
b_by_hand = 0.0 - learning_rate * (y_hat - 0.0)
print(f"by hand:  w = {w_by_hand:.6f}, b = {b_by_hand:.6f}")
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
with torch.no_grad():  # the update itself is not part of the model
    w -= learning_rate * w.grad
    b -= learning_rate * b.grad
loss_after = F.binary_cross_entropy_with_logits(w * x + b, y)
print(f"autograd: w = {w.item():.6f}, b = {b.item():.6f}")
print(f"loss before the step: {loss_before.item():.4f}")
print(f"loss after the step:  {loss_after.item():.4f}")
torch.testing.assert_close(w.detach(), torch.tensor(w_by_hand))
torch.testing.assert_close(b.detach(), torch.tensor(b_by_hand))
# --8<-- [end:autograd]
