# A batch processed in pieces, one backward() per piece: right for a summed loss, k times too large for a mean.

# --8<-- [start:setup]
import torch


def mean_loss(w, xs, ts):
    return ((w * xs - ts) ** 2).mean()  # the mean squared error over the examples given


inputs = torch.tensor([1.0, 2.0, 3.0, 4.0])
best_w = 2.0
targets = best_w * inputs  # so this weight fits every example exactly
w0 = 1.5  # the weight at which to take the gradient

w = torch.tensor(w0, requires_grad=True)
mean_loss(w, inputs, targets).backward()  # the whole batch at once
full_batch = w.grad.item()
# --8<-- [end:setup]

# --8<-- [start:two_halves]
w = torch.tensor(w0, requires_grad=True)
mean_loss(w, inputs[:2], targets[:2]).backward()  # the first half
mean_loss(w, inputs[2:], targets[2:]).backward()  # the second half, added on
print(w.grad)
# --8<-- [end:two_halves]

# --8<-- [start:scaled_halves]
w = torch.tensor(w0, requires_grad=True)
(mean_loss(w, inputs[:2], targets[:2]) / 2).backward()
(mean_loss(w, inputs[2:], targets[2:]) / 2).backward()
print(w.grad)
# --8<-- [end:scaled_halves]

# --8<-- [start:cleared_between]
w = torch.tensor(w0, requires_grad=True)
mean_loss(w, inputs[:2], targets[:2]).backward()
w.grad.zero_()
mean_loss(w, inputs[2:], targets[2:]).backward()
print(w.grad)
# --8<-- [end:cleared_between]

# --8<-- [start:exercise_unequal]
pieces = [slice(0, 1), slice(1, 4)]  # the first example alone, then the other three
batch_size = len(inputs)

w = torch.tensor(w0, requires_grad=True)
for piece in pieces:
    mean_loss(w, inputs[piece], targets[piece]).backward()
unscaled = w.grad.item()
print(f"unscaled pieces:  w.grad = {unscaled:.4f}")

scales = [len(inputs[piece]) / batch_size for piece in pieces]  # each piece's share of the batch
w = torch.tensor(w0, requires_grad=True)
for piece, scale in zip(pieces, scales):
    (scale * mean_loss(w, inputs[piece], targets[piece])).backward()
print(f"scaled by {scales}: w.grad = {w.grad.item():.4f}")
print(f"whole batch:      w.grad = {full_batch:.4f}")
torch.testing.assert_close(w.grad, torch.tensor(full_batch))
# --8<-- [end:exercise_unequal]
