# Exercise 1: the lower end of the clamp.
# A confident logit z = -20 for an example of class 1.

# --8<-- [start:forward]
import math

import torch
import torch.nn.functional as F

margin = 1e-8  # the clamp's margin m


def binary_cross_entropy(prediction, target):
    p = torch.clamp(prediction, margin, 1 - margin)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p))


y = torch.tensor(1.0)
z = torch.tensor(-20.0, requires_grad=True)
y_hat = torch.sigmoid(z)
print(f"y_hat = {y_hat.item():.4g}, below m: {y_hat.item() < margin}")
# --8<-- [end:forward]

# --8<-- [start:clamped]
loss_clamped = binary_cross_entropy(y_hat, y)
(slope_clamped,) = torch.autograd.grad(loss_clamped, z)
print(f"clamped: loss = {loss_clamped.item():.4f}", end=", ")
print(f"dL/dz = {slope_clamped.item()}")
print(f"-log(m) = {-math.log(margin):.4f}")

loss_logits = F.binary_cross_entropy_with_logits(z, y)
(slope_logits,) = torch.autograd.grad(loss_logits, z)
print(f"with logits: loss = {loss_logits.item():.4f}", end=", ")
print(f"dL/dz = {slope_logits.item():.4f}")

# By hand: the loss is log(1 + e^(-z)), the slope sigma(z) - 1 = -sigma(-z).
z64 = z.item()
loss_exact = math.log1p(math.exp(-z64))
slope_exact = -1 / (1 + math.exp(z64))
print(f"by hand:     loss = {loss_exact:.4f}, dL/dz = {slope_exact:.4f}")
# --8<-- [end:clamped]
