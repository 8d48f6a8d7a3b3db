# Exercise: F.cross_entropy on a batch of two averages the losses.

# --8<-- [start:problem]
import torch
import torch.nn.functional as F

logits = torch.tensor([[60.0, -50.0, 0.0], [1.0, 2.0, 3.0]], requires_grad=True)
labels = torch.tensor([1, 2])
loss = F.cross_entropy(logits, labels)  # one number for the batch
loss.backward()
# --8<-- [end:problem]

# --8<-- [start:solution]
with torch.no_grad():
    B = len(labels)
    y = F.one_hot(labels, num_classes=3)
    by_hand = (F.softmax(logits.double(), dim=1) - y) / B  # each row's p - y, over the batch size
print("autograd:", logits.grad)
print("by hand: ", by_hand)
print(
    "loss:", loss.item(), " mean of the rows' losses:", F.cross_entropy(logits, labels, reduction="none").mean().item()
)
# --8<-- [end:solution]
