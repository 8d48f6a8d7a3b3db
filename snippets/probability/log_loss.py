# Binary cross-entropy is minus the log of the probability given to the true label.

# --8<-- [start:bce]
import math

import torch
import torch.nn.functional as F

y_hat = 0.8  # the model's probability that the label is 1
losses = {}
for label in (1, 0):
    bce = -(label * math.log(y_hat) + (1 - label) * math.log(1 - y_hat))
    p_true = y_hat if label == 1 else 1 - y_hat  # P(the true label)
    losses[label] = bce
    print(f"true label {label}: loss = {bce:.4f} = -log({p_true:.1f})")

# The same two losses from PyTorch, one per label:
predicted, labels = torch.tensor([y_hat, y_hat]), torch.tensor([1.0, 0.0])
reference = F.binary_cross_entropy(predicted, labels, reduction="none")
print("F.binary_cross_entropy:", reference)
torch.testing.assert_close(torch.tensor([losses[1], losses[0]]), reference)
# --8<-- [end:bce]

# --8<-- [start:underflow]
examples = 1100
p_each = 0.5  # the probability the model gives each true label
likelihood = p_each**examples  # the probability of all the labels together
log_likelihood = examples * math.log(p_each)
print("product of probabilities:", likelihood)
print("sum of log-probabilities:", log_likelihood)

exponent = examples * round(math.log2(p_each))  # p_each**examples is 2**exponent
tiny = math.ulp(0.0)  # the smallest positive float
tiny_exponent = round(math.log2(tiny))
print(f"{p_each}**{examples} = 2**{exponent}; smallest positive float: 2**{tiny_exponent}")
# --8<-- [end:underflow]
