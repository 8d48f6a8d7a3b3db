# Exercise: the log-sum-exp of two equal, large logits.

# --8<-- [start:solution]
import math

import torch

big = 1000.0
z = torch.tensor([big, big], dtype=torch.float64)
naive = torch.log(torch.exp(z).sum())
lse = torch.logsumexp(z, dim=0).item()
by_hand = big + math.log(len(z))  # z_max + log(e^0 + e^0)
print("naive:          ", naive.item())
print("torch.logsumexp:", lse)
print("by hand:        ", by_hand)
# --8<-- [end:solution]
