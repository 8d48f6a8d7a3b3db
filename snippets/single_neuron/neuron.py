# A single neuron: logistic regression on one feature.
# x = 6.7 with label y = 0, starting from w = 1 and b = 0.

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
margin = 1e-8  # the clamp's margin m: meant to keep the prediction in [m, 1 - m]


def binary_cross_entropy(prediction, target):
    # Clamp first, so that neither logarithm is asked for log(0).
    p = torch.clamp(prediction, margin, 1 - margin)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p))


z = w * x + b  # the weighted sum, or logit
y_hat = torch.sigmoid(z)  # the predicted probability of class 1
loss = binary_cross_entropy(y_hat, y)

print(f"z     = {z.item():.6f}")
print(f"y_hat = {y_hat.item():.6f}")
print(f"loss  = {loss.item():.6f}")
# --8<-- [end:forward]

# --8<-- [start:clamp_bounds]
extremes = torch.tensor([0.0, 1.0])  # the two predictions the clamp guards against
clamped = torch.clamp(extremes, margin, 1 - margin)
print(clamped)
# --8<-- [end:clamp_bounds]

# --8<-- [start:by_hand]
with torch.no_grad():  # plain arithmetic: add nothing to the graph
    dL_dyhat = (y_hat - y) / (y_hat * (1 - y_hat))
    dyhat_dz = y_hat * (1 - y_hat)
    dz_dw = x
    dz_db = 1.0
    dL_dw = dL_dyhat * dyhat_dz * dz_dw
    dL_db = dL_dyhat * dyhat_dz * dz_db

# The same two factors in float64, from the exact sigma(6.7):
x64 = 6.7
sigma = 1 / (1 + math.exp(-x64))
dL_dyhat_exact = (sigma - y.item()) / (sigma * (1 - sigma))
dyhat_dz_exact = sigma * (1 - sigma)

print(f"dL/dy_hat = {dL_dyhat.item():.4f}   (float64: {dL_dyhat_exact:.4f})")
print(f"dy_hat/dz = {dyhat_dz.item():.8f} (float64: {dyhat_dz_exact:.8f})")
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


significant_bits = 1 - round(math.log2(torch.finfo(torch.float32).eps))
print(f"a float32 keeps {significant_bits} significant bits")
gap_w = (dL_dw - w.grad).item()
gap_b = (dL_db - b.grad).item()
steps_w = round(gap_w / float32_step(w.grad))
steps_b = round(gap_b / float32_step(b.grad))
print(f"dL/dw, by hand - autograd: {gap_w:.3g} ({steps_w} float32 step)")
print(f"dL/db, by hand - autograd: {gap_b:.3g} ({steps_b} float32 step)")
# The exact answers are sigma(6.7)·x and sigma(6.7); here in float64.
print(f"float64: dL/dw = {x64 * sigma:.8f}, dL/db = {sigma:.8f}")

with torch.no_grad():
    # dL/db / (y_hat - y) is exactly 1 on paper: the middle factors cancel.
    ratio_by_hand = (dL_db / (y_hat - y)).item()
    ratio_autograd = (b.grad / (y_hat - y)).item()
    # Autograd's order: 1/(1 - y_hat) from the logarithm,
    # then (1 - y_hat) and y_hat from the sigmoid.
    replayed = 1 / (1 - y_hat) * (1 - y_hat) * y_hat
print(f"should be 1, by hand:  {ratio_by_hand:.8f}")
print(f"should be 1, autograd: {ratio_autograd:.8f}")
print(f"autograd's order, replayed: dL/db = {replayed.item():.8f}")
# --8<-- [end:gap]


# --8<-- [start:pytorch_bce]
def row(name, *numbers):
    print(f"{name:34}" + "".join(f"{n:12.8f}" for n in numbers))


# torch.autograd.grad returns the gradients and leaves w.grad alone.
loss_bce = F.binary_cross_entropy(torch.sigmoid(w * x + b), y)
dw_bce, db_bce = torch.autograd.grad(loss_bce, (w, b))

loss_logits = F.binary_cross_entropy_with_logits(w * x + b, y)
dw_logits, db_logits = torch.autograd.grad(loss_logits, (w, b))

loss_exact = math.log1p(math.exp(x64))  # log(1 + e^z) - 0·z, float64

print(f"{'':34}{'loss':>12}{'dL/dw':>12}{'dL/db':>12}")
row("ours, clamped", loss.item(), w.grad.item(), b.grad.item())
row("binary_cross_entropy", loss_bce.item(), dw_bce.item(), db_bce.item())
row(
    "binary_cross_entropy_with_logits",
    loss_logits.item(),
    dw_logits.item(),
    db_logits.item(),
)
row("closed form, float64", loss_exact, x64 * sigma, sigma)
sigmoid_minus_y = (torch.sigmoid(w * x + b) - y).item()  # in float32
print(f"{'sigmoid(z) - y, in float32':58}{sigmoid_minus_y:12.8f}")

torch.testing.assert_close(loss_bce, loss)  # same formula, same result
torch.testing.assert_close((dw_bce, db_bce), (w.grad, b.grad))
torch.testing.assert_close((dw_logits, db_logits), (w.grad, b.grad))
# The logits form's backward is sigmoid(z) - y, the hand route's numbers, bit for bit:
assert torch.equal(db_logits, torch.sigmoid(w * x + b) - y)
# Only about four digits of the loss agree:
torch.testing.assert_close(loss_logits, loss, rtol=1e-4, atol=0)

one_minus_exact = 1 - sigma  # float64
one_minus_error = abs((1 - y_hat).item() - one_minus_exact) / one_minus_exact
loss_error = abs(loss.item() - loss_exact)
# --8<-- [end:pytorch_bce]
