# Exercise 3: accumulate the gradient of a squared error over two half-batches.

# --8<-- [start:setup]
import torch


def loss(w, xs, ts):
    return ((w * xs - ts) ** 2).sum()


inputs = torch.tensor([1.0, 2.0, 3.0, 4.0])
targets = 2 * inputs  # the best weight would be w = 2
# --8<-- [end:setup]

# --8<-- [start:full_batch]
w = torch.tensor(1.5, requires_grad=True)
loss(w, inputs, targets).backward()
full_batch = w.grad.item()
print("whole batch:       dL/dw =", full_batch)
# --8<-- [end:full_batch]

# --8<-- [start:two_halves]
w.grad.zero_()
loss(w, inputs[:2], targets[:2]).backward()  # first half
loss(w, inputs[2:], targets[2:]).backward()  # second half, added on
print("two halves, added: dL/dw =", w.grad.item())

by_hand = sum(2 * (1.5 * x - 2 * x) * x for x in [1, 2, 3, 4])  # Σ 2(wx−t)x
print("by hand:           dL/dw =", by_hand)
torch.testing.assert_close(w.grad, torch.tensor(by_hand))
# --8<-- [end:two_halves]
