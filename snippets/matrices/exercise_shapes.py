# Exercise 2: a column of predictions minus a vector of targets.

# --8<-- [start:setup]
import torch

predictions = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # shape (4, 1), as h @ W2.T gives
targets = torch.tensor([1.0, 2.0, 3.0, 5.0])  # shape (4,)
# --8<-- [end:setup]

# --8<-- [start:as_written]
difference = predictions - targets
print("shape:", tuple(difference.shape), " loss:", (difference**2).mean().item())
# --8<-- [end:as_written]

# --8<-- [start:squeezed]
difference = predictions.squeeze(1) - targets
print("shape:", tuple(difference.shape), " loss:", (difference**2).mean().item())
# --8<-- [end:squeezed]

# --8<-- [start:unsqueezed]
difference = predictions - targets.unsqueeze(1)
print("shape:", tuple(difference.shape), " loss:", (difference**2).mean().item())
# --8<-- [end:unsqueezed]

# --8<-- [start:fixed]
fixed_loss = ((predictions.squeeze(1) - targets) ** 2).mean()
pairs = [(p - t) ** 2 for p in predictions.squeeze(1).tolist() for t in targets.tolist()]
print("every prediction against every target:", len(pairs), "pairs, mean", sum(pairs) / len(pairs))
print("each prediction against its own target:", fixed_loss.item())
# --8<-- [end:fixed]
