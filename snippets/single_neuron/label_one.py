# Exercise 1: the same neuron and input, but the label is 1.

# --8<-- [start:forward]
import torch
import torch.nn.functional as F

x = torch.tensor(6.7)
y = torch.tensor(1.0)  # this time the example belongs to class 1
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
learning_rate = 0.1  # for one step of gradient descent

z = w * x + b
loss = F.binary_cross_entropy_with_logits(z, y)  # the stable form
print(f"loss = {loss.item():.8f}")
# --8<-- [end:forward]

# --8<-- [start:by_hand]
with torch.no_grad():
    error = torch.sigmoid(z) - y  # dL/dz = y_hat - y
    dL_dw = error * x
    dL_db = error * 1.0
print(f"by hand:  dL/dw = {dL_dw.item():.6f}, dL/db = {dL_db.item():.6f}")
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
loss.backward()
print(f"autograd: dL/dw = {w.grad.item():.6f}, dL/db = {b.grad.item():.6f}")
torch.testing.assert_close((w.grad, b.grad), (dL_dw, dL_db))

w_change = -learning_rate * w.grad.item()  # how far one descent step moves w
print(f"one step moves w by {w_change:+.6f}")

import math

exact_db = -1 / (1 + math.exp(z.item()))  # sigma(z) - 1 = -sigma(-z) in float64: nothing cancels
print(f"dL/db in float32: {b.grad.item():.7e}")
print(f"dL/db in float64: {exact_db:.7e}")
# --8<-- [end:autograd]
