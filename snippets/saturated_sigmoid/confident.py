# A confident, wrong neuron: logit z = 20 for an example of class 0.
# What float32 does to the sigmoid there, and to the gradient of the loss.

# --8<-- [start:setup]
import math

import torch
import torch.nn.functional as F

EPSILON = 1e-8  # how far the loss keeps the prediction from 0 and from 1


def binary_cross_entropy(prediction, target):
    # The hand-written loss of the single neuron lesson, clamp and all.
    p = torch.clamp(prediction, EPSILON, 1 - EPSILON)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p))


y = torch.tensor(0.0)  # the label: this example belongs to class 0
z = torch.tensor(20.0, requires_grad=True)  # the logit: confident, and wrong
# --8<-- [end:setup]


# --8<-- [start:far]
def report(name, loss_value):
    (slope,) = torch.autograd.grad(loss_value, z)
    print(f"{name:34} loss = {loss_value.item()}, dL/dz = {slope.item()}")
    return slope


y_hat = torch.sigmoid(z)
print(f"sigmoid({z.item():g}) in float32: {y_hat.item()}")

loss_ours = binary_cross_entropy(y_hat, y)
loss_bce = F.binary_cross_entropy(torch.sigmoid(z), y)
loss_logits = F.binary_cross_entropy_with_logits(z, y)
slope_ours = report("ours, clamped", loss_ours)
slope_bce = report("binary_cross_entropy", loss_bce)
slope_logits = report("binary_cross_entropy_with_logits", loss_logits)

z64 = z.item()  # 20 is exact in both float32 and float64
loss_exact = math.log1p(math.exp(z64))  # log(1 + e^z) - 0·z
slope_exact = 1 / (1 + math.exp(-z64))  # sigma(z) - 0
print(f"float64: loss = {loss_exact:.9f}, dL/dz = {slope_exact:.9f}")
# --8<-- [end:far]

# --8<-- [start:saturated]
# The two factors of dL/dz for F.binary_cross_entropy, taken one at a time.
y_hat_leaf = y_hat.detach().requires_grad_()  # the prediction, as a leaf
(bce_slope,) = torch.autograd.grad(F.binary_cross_entropy(y_hat_leaf, y), y_hat_leaf)
(sigmoid_slope,) = torch.autograd.grad(torch.sigmoid(z), z)
print(f"dL/dy_hat of binary_cross_entropy: {bce_slope.item():.4g}")
print(f"dy_hat/dz, the sigmoid's slope:    {sigmoid_slope.item()}")
print(f"their product, dL/dz:              {(bce_slope * sigmoid_slope).item()}")

# In float64 the sigmoid is not saturated: its slope is small, not zero.
sigmoid_slope_exact = math.exp(-z64) / (1 + math.exp(-z64)) ** 2
print(f"the sigmoid's slope in float64:    {sigmoid_slope_exact:.3g}")
# --8<-- [end:saturated]

# --8<-- [start:bounds]
print(f"lower bound in float32: {torch.tensor(EPSILON).item():.6g}")
upper_bound = torch.tensor(1 - EPSILON)  # 0.99999999, stored as float32
print(f"upper bound in float32: {upper_bound.item()}")
below_one = torch.nextafter(torch.tensor(1.0), torch.tensor(0.0))
gap_below_one = 1 - below_one.item()
print(f"largest float32 below 1: 1 - {gap_below_one:.3g}")
# --8<-- [end:bounds]
