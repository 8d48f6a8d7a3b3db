# A confident, wrong neuron: logit z = 20 for an example of class 0.
# What float32 does to the sigmoid there, and to the gradient of the loss.

# --8<-- [start:setup]
import math

import torch
import torch.nn.functional as F

margin = 1e-8  # the clamp's margin m: the prediction is meant to stay in [m, 1 - m]


def binary_cross_entropy(prediction, target):
    # The hand-written loss of the single neuron lesson, clamp and all.
    p = torch.clamp(prediction, margin, 1 - margin)
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
below_one_by = 1 / (1 + math.exp(z64))  # 1 - sigma(z) = sigma(-z), without cancelling
print(f"float64: loss = {loss_exact:.9f}, dL/dz = {slope_exact:.9f}")
# --8<-- [end:far]

# --8<-- [start:saturated]
# dL/dz = dL/dy_hat · dy_hat/dz: the factors one at a time, with y_hat as a leaf.
y_hat_leaf = y_hat.detach().requires_grad_()
(ours_slope,) = torch.autograd.grad(binary_cross_entropy(y_hat_leaf, y), y_hat_leaf)
(bce_slope,) = torch.autograd.grad(F.binary_cross_entropy(y_hat_leaf, y), y_hat_leaf)
(sigmoid_slope,) = torch.autograd.grad(torch.sigmoid(z), z)
print(f"dy_hat/dz, the sigmoid's slope:    {sigmoid_slope.item()}")
for name, loss_slope in [("ours", ours_slope), ("binary_cross_entropy", bce_slope)]:
    product = (loss_slope * sigmoid_slope).item()
    print(f"{name:20} dL/dy_hat = {loss_slope.item():.4g}, times the slope: {product}")
floor = 1 / bce_slope.item()  # the denominator y_hat(1 - y_hat) PyTorch divided by
print(f"1 / (binary_cross_entropy's dL/dy_hat) = {floor:.4g}")

# In float64 the sigmoid is not saturated: its slope is small, not zero.
sigmoid_slope_exact = math.exp(-z64) / (1 + math.exp(-z64)) ** 2
print(f"the sigmoid's slope in float64: {sigmoid_slope_exact:.3g}")
# --8<-- [end:saturated]

# --8<-- [start:correct_label]
right = torch.tensor(20.0, requires_grad=True)  # z = 20, and this time the label is 1
loss = F.binary_cross_entropy_with_logits(right, torch.tensor(1.0))
(slope_right,) = torch.autograd.grad(loss, right)
print(slope_right.item())
# --8<-- [end:correct_label]

# --8<-- [start:correct_label_float64]
right64 = torch.tensor(20.0, dtype=torch.float64, requires_grad=True)
loss = F.binary_cross_entropy_with_logits(right64, torch.tensor(1.0, dtype=torch.float64))
(slope_right64,) = torch.autograd.grad(loss, right64)
print(slope_right64.item())
# --8<-- [end:correct_label_float64]

# --8<-- [start:correct_label_clamped]
right_ours = torch.tensor(20.0, requires_grad=True)
loss = binary_cross_entropy(torch.sigmoid(right_ours), torch.tensor(1.0))
(slope_right_ours,) = torch.autograd.grad(loss, right_ours)
print(slope_right_ours.item())
# --8<-- [end:correct_label_clamped]


# --8<-- [start:logits_form]
def logits_slope(logit, label):
    """dL/dz of F.binary_cross_entropy_with_logits, by autograd, in float32."""
    z = torch.tensor(logit, requires_grad=True)
    loss = F.binary_cross_entropy_with_logits(z, torch.tensor(label))
    (slope,) = torch.autograd.grad(loss, z)
    return slope


cases = [(20.0, 0.0), (12.0, 1.0), (20.0, 1.0)]  # (z, y)
slopes, errors, offs = [], [], []
print(f"{'z':>3} {'y':>2} {'autograd':>12} {'sigmoid(z)-y':>13} {'float64':>15} {'off by':>7}")
for logit, label in cases:
    slope = logits_slope(logit, label)
    formula = torch.sigmoid(torch.tensor(logit)) - label  # in float32
    assert torch.equal(slope, formula)  # the backward is sigmoid(z) - y, bit for bit
    # sigma(z) - y in float64; for y = 1 written as -sigma(-z), which does not cancel.
    exact = 1 / (1 + math.exp(-logit)) if label == 0 else -1 / (1 + math.exp(logit))
    slopes.append(slope.item())
    errors.append(abs(slope.item() - exact))
    offs.append(abs(slope.item() / exact - 1))
    row = f"{logit:3g} {label:2g} {slope.item():12.6g} {formula.item():13.6g} {exact:15.9g}"
    print(f"{row} {offs[-1]:7.1%}")
# --8<-- [end:logits_form]

# --8<-- [start:bounds]
lower_bound = torch.tensor(margin)  # as float32, the dtype of the prediction
upper_bound_float64 = 1 - margin  # a Python float
upper_bound = torch.tensor(upper_bound_float64)
below_one = torch.nextafter(torch.tensor(1.0), torch.tensor(0.0))
gap_below_one = 1 - below_one.item()
print(f"m     in float32: {lower_bound.item():.6g}")
print(f"1 - m in float64: {upper_bound_float64}")
print(f"1 - m in float32: {upper_bound.item()}")
print(f"largest float32 below 1: 1 - {gap_below_one:.3g}")
# --8<-- [end:bounds]
