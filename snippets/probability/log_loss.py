# Binary cross-entropy is minus the log of the probability given to the true label.

# --8<-- [start:bce]
import math

import torch
import torch.nn.functional as F

p_hat = 0.8  # the model's probability that the label is 1
losses = {}
for label in (1, 0):
    bce = -(label * math.log(p_hat) + (1 - label) * math.log(1 - p_hat))
    p_true = p_hat if label == 1 else 1 - p_hat  # P(the true label)
    losses[label] = bce
    print(f"true label {label}: loss = {bce:.4f} = -log({p_true:.1f})")
# --8<-- [end:bce]

# --8<-- [start:agree]
assert math.isclose(losses[1], -math.log(p_hat))
assert math.isclose(losses[0], -math.log(1 - p_hat))
predicted, labels = torch.tensor([p_hat, p_hat]), torch.tensor([1.0, 0.0])
reference = F.binary_cross_entropy(predicted, labels, reduction="none")
torch.testing.assert_close(torch.tensor([losses[1], losses[0]]), reference)
print("the formula, -log P(true label) and torch agree")
# --8<-- [end:agree]

# --8<-- [start:underflow]
n = 1100  # examples
p_each = 0.5  # the probability the model gives each true label
likelihood = p_each**n  # the probability of all n labels together
log_likelihood = n * math.log(p_each)
print("product of probabilities:", likelihood)
print("sum of log-probabilities:", log_likelihood)

exponent = n * round(math.log2(p_each))  # p_each**n is 2**exponent
tiny = math.ulp(0.0)  # the smallest positive float
tiny_exponent = round(math.log2(tiny))
print(f"{p_each}**{n} = 2**{exponent}; smallest positive float: 2**{tiny_exponent}")
# --8<-- [end:underflow]
