# Exercise: three backward passes, no clearing in between.

# --8<-- [start:loop]
import torch

x = torch.tensor(2.0, requires_grad=True)
for k in (1, 2, 3):
    (k * x**2).backward()
# --8<-- [end:loop]

# --8<-- [start:answer]
print("x.grad =", x.grad)
by_hand = sum(k * 2 * x.item() for k in (1, 2, 3))  # d(k x²)/dx = 2kx, added up
assert x.grad.item() == by_hand
# --8<-- [end:answer]
