# Exercise 2: the mean log-loss of a batch is minus the log of a product, divided by B.

# --8<-- [start:data]
labels = [1, 0, 1]
probs = [0.9, 0.2, 0.6]  # the model's probability that each label is 1
# --8<-- [end:data]

# --8<-- [start:sum_of_logs]
import math

p_true = [p if y == 1 else 1 - p for y, p in zip(labels, probs)]
mean_loss = sum(-math.log(p) for p in p_true) / len(p_true)
print("probabilities of the true labels:", p_true)
print(f"mean of -log p:       {mean_loss:.6f}")
# --8<-- [end:sum_of_logs]

# --8<-- [start:log_of_product]
via_product = -math.log(math.prod(p_true)) / len(p_true)
print(f"-log(product) / B:    {via_product:.6f}")
# --8<-- [end:log_of_product]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F

targets = torch.tensor(labels, dtype=torch.float32)
torch_loss = F.binary_cross_entropy(torch.tensor(probs), targets)
print(f"torch (float32):      {torch_loss.item():.6f}")
assert math.isclose(mean_loss, via_product)
torch.testing.assert_close(torch_loss, torch.tensor(mean_loss))
# --8<-- [end:torch]
