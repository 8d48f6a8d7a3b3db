# A single neuron: logistic regression on one feature, x = 6.7 with label y = 0, w = 1, b = 0.

# --8<-- [start:setup]
import math

import torch
import torch.nn.functional as F

x = torch.tensor(6.7)  # the input feature
y = torch.tensor(0.0)  # its label: this example belongs to class 0
w = torch.tensor(1.0, requires_grad=True)  # weight, to be learned
b = torch.tensor(0.0, requires_grad=True)  # bias, to be learned
# --8<-- [end:setup]

# --8<-- [start:forward]
EPSILON = 1e-8  # how far the prediction is kept from 0 and from 1


def binary_cross_entropy(prediction, target):
    prediction = torch.clamp(prediction, EPSILON, 1 - EPSILON)  # so that log never sees 0
    return -(target * torch.log(prediction) + (1 - target) * torch.log(1 - prediction))


z = w * x + b  # the weighted sum, or logit
y_hat = torch.sigmoid(z)  # the predicted probability of class 1
loss = binary_cross_entropy(y_hat, y)

print(f"z     = {z.item():.6f}")
print(f"y_hat = {y_hat.item():.6f}")
print(f"loss  = {loss.item():.6f}")
# --8<-- [end:forward]

# --8<-- [start:by_hand]
with torch.no_grad():  # plain arithmetic: add nothing to the graph
    dL_dyhat = (y_hat - y) / (y_hat * (1 - y_hat))
    dyhat_dz = y_hat * (1 - y_hat)
    dz_dw = x
    dz_db = 1.0
    dL_dw = dL_dyhat * dyhat_dz * dz_dw
    dL_db = dL_dyhat * dyhat_dz * dz_db

print(f"dL/dy_hat = {dL_dyhat.item():.4f}")
print(f"dy_hat/dz = {dyhat_dz.item():.8f}")
print(f"dz/dw     = {dz_dw.item():.6f}")
print(f"dz/db     = {dz_db:.1f}")
print(f"by hand:  dL/dw = {dL_dw.item():.8f}, dL/db = {dL_db.item():.8f}")
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
loss.backward()
print(f"autograd: dL/dw = {w.grad.item():.8f}, dL/db = {b.grad.item():.8f}")
torch.testing.assert_close(w.grad, dL_dw)
torch.testing.assert_close(b.grad, dL_db)
# --8<-- [end:autograd]


# --8<-- [start:gap]
def float32_step(value):
    """The gap between a float32 number and the next one up."""
    return (torch.nextafter(value, torch.tensor(math.inf)) - value).item()


gap_w = (dL_dw - w.grad).item()
gap_b = (dL_db - b.grad).item()
steps_w = round(gap_w / float32_step(w.grad))
steps_b = round(gap_b / float32_step(b.grad))
print(f"dL/dw: by hand - autograd = {gap_w:.3g}   (float32 steps apart: {steps_w})")
print(f"dL/db: by hand - autograd = {gap_b:.3g}   (float32 steps apart: {steps_b})")

sigma = 1 / (1 + math.exp(-6.7))  # the exact answer, dL/db = sigma(6.7) - 0, in float64
print(f"float64 reference: dL/dw = {6.7 * sigma:.8f}, dL/db = {sigma:.8f}")
# --8<-- [end:gap]

# --8<-- [start:cancel]
with torch.no_grad():
    # dL/db divided by (y_hat - y): exactly 1 on paper, since the two middle factors cancel.
    ratio_by_hand = (dL_db / (y_hat - y)).item()
    ratio_autograd = (b.grad / (y_hat - y)).item()
    # Autograd's order: 1/(1 - y_hat) from the logarithm, then (1 - y_hat) and y_hat from the sigmoid.
    replayed = 1 / (1 - y_hat) * (1 - y_hat) * y_hat
print(f"should be 1, by hand:  {ratio_by_hand:.8f}")
print(f"should be 1, autograd: {ratio_autograd:.8f}")
print(f"autograd's order replayed: dL/db = {replayed.item():.8f}")
# --8<-- [end:cancel]

# --8<-- [start:pytorch_bce]
loss_bce = F.binary_cross_entropy(torch.sigmoid(w * x + b), y)
dw_bce, db_bce = torch.autograd.grad(loss_bce, (w, b))  # leaves w.grad and b.grad alone

loss_logits = F.binary_cross_entropy_with_logits(w * x + b, y)
dw_logits, db_logits = torch.autograd.grad(loss_logits, (w, b))

loss_exact = math.log1p(math.exp(6.7))  # log(1 + e^z) with z = 6.7 and y = 0, in float64

print(f"{'':36}{'loss':>12}{'dL/dw':>12}{'dL/db':>12}")
print(f"{'ours, clamped (float32)':36}{loss.item():12.8f}{w.grad.item():12.8f}{b.grad.item():12.8f}")
print(f"{'F.binary_cross_entropy':36}{loss_bce.item():12.8f}{dw_bce.item():12.8f}{db_bce.item():12.8f}")
print(
    f"{'F.binary_cross_entropy_with_logits':36}{loss_logits.item():12.8f}"
    f"{dw_logits.item():12.8f}{db_logits.item():12.8f}"
)
print(f"{'closed form (float64)':36}{loss_exact:12.8f}{6.7 * sigma:12.8f}{sigma:12.8f}")

torch.testing.assert_close(loss_bce, loss)  # the same formula, the same float32 result
torch.testing.assert_close((dw_bce, db_bce), (w.grad, b.grad))
torch.testing.assert_close((dw_logits, db_logits), (w.grad, b.grad))
torch.testing.assert_close(loss_logits, loss, rtol=1e-4, atol=0)  # only about four digits agree

one_minus_exact = 1 - sigma  # float64
one_minus_error = abs((1 - y_hat).item() - one_minus_exact) / one_minus_exact
loss_error = abs(loss.item() - loss_exact)
# --8<-- [end:pytorch_bce]

# --8<-- [start:bounds]
print(f"lower bound in float32: {torch.tensor(EPSILON).item():.6g}")
upper_bound = torch.tensor(1 - EPSILON)  # 0.99999999 stored as float32
print(f"upper bound in float32: {upper_bound.item()}")
gap_below_one = 1 - torch.nextafter(torch.tensor(1.0), torch.tensor(0.0)).item()
print(f"largest float32 below 1: 1 - {gap_below_one:.3g}")
# --8<-- [end:bounds]

# --8<-- [start:far]
z_far = torch.tensor(20.0, requires_grad=True)  # a confident logit, and the label is still 0
y_hat_far = torch.sigmoid(z_far)
print(f"sigmoid(20) in float32: {y_hat_far.item()}")

loss_far_ours = binary_cross_entropy(y_hat_far, y)
loss_far_bce = F.binary_cross_entropy(torch.sigmoid(z_far), y)
loss_far_logits = F.binary_cross_entropy_with_logits(z_far, y)
(slope_far_ours,) = torch.autograd.grad(loss_far_ours, z_far)
(slope_far_bce,) = torch.autograd.grad(loss_far_bce, z_far)
(slope_far_logits,) = torch.autograd.grad(loss_far_logits, z_far)
loss_far_exact = math.log1p(math.exp(20.0))
print(f"ours, clamped:                      loss = {loss_far_ours.item()}, dL/dz = {slope_far_ours.item()}")
print(f"F.binary_cross_entropy:             loss = {loss_far_bce.item()}, dL/dz = {slope_far_bce.item()}")
print(f"F.binary_cross_entropy_with_logits: loss = {loss_far_logits.item()}, dL/dz = {slope_far_logits.item()}")
print(f"closed form (float64):              loss = {loss_far_exact:.9f}, dL/dz = {1 / (1 + math.exp(-20.0)):.9f}")
# --8<-- [end:far]
