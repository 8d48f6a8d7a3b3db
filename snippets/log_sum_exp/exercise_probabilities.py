# Exercise: F.cross_entropy given probabilities instead of logits.

# --8<-- [start:setup]
import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 0.5, -1.0]])  # a batch of one example, three classes
labels = torch.tensor([0])
probs = F.softmax(logits, dim=1)
# --8<-- [end:setup]

# --8<-- [start:probabilities]
print(F.cross_entropy(probs, labels))
# --8<-- [end:probabilities]

# --8<-- [start:logits]
print(F.cross_entropy(logits, labels))
# --8<-- [end:logits]

# --8<-- [start:nll_of_probabilities]
print(F.nll_loss(probs, labels))
# --8<-- [end:nll_of_probabilities]

# --8<-- [start:inside]
for name, scores in {"logits": logits, "probs": probs}.items():
    by_parts = F.nll_loss(F.log_softmax(scores, dim=1), labels)  # what cross_entropy computes
    print(f"{name:6}  F.cross_entropy: {F.cross_entropy(scores, labels).item():.4f}  by parts: {by_parts.item():.4f}")
certain = F.one_hot(labels, num_classes=3).float()  # probabilities that are exactly right
floor = F.cross_entropy(certain, labels).item()
print(f"F.cross_entropy of the one-hot label itself: {floor:.4f}")
# --8<-- [end:inside]
