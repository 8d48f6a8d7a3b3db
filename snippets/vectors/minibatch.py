# Exercise 3: accumulate the gradient of a squared error over two half-batches.

# --8<-- [start:setup]
import torch


def loss(w, xs, ts):
    return ((w * xs - ts) ** 2).sum()


inputs = torch.tensor([1.0, 2.0, 3.0, 4.0])
best_w = 2.0
targets = best_w * inputs  # so this weight fits every example exactly
w0 = 1.5  # the weight at which to take the gradient
# --8<-- [end:setup]

# --8<-- [start:solution]
w = torch.tensor(w0, requires_grad=True)
loss(w, inputs, targets).backward()
full_batch = w.grad.item()
print("whole batch:       dL/dw =", full_batch)

w.grad.zero_()
loss(w, inputs[:2], targets[:2]).backward()  # first half
loss(w, inputs[2:], targets[2:]).backward()  # second half, added on
print("two halves, added: dL/dw =", w.grad.item())

by_hand = sum(2 * (w0 * x - best_w * x) * x for x in [1.0, 2.0, 3.0, 4.0])  # Σ 2(wx − t)x
print("by hand:           dL/dw =", by_hand)
torch.testing.assert_close(w.grad, torch.tensor(by_hand))
# --8<-- [end:solution]
