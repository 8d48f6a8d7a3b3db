# Exercise 2: the slope of 1/x at x = 2, by the limit and by autograd.

# --8<-- [start:solution]
import torch


def reciprocal(x):
    return 1 / x


x0 = 2.0
slope_by_hand = -1 / x0**2  # the limit of −1 / (x(x + h)) as h shrinks
for h in [0.1, 0.01, 0.001]:
    quotient = (reciprocal(x0 + h) - reciprocal(x0)) / h
    simplified = -1 / (x0 * (x0 + h))
    print(f"h = {h:<5g}  quotient {quotient:.6f}  -1 / (x(x + h)) = {simplified:.6f}")

x = torch.tensor(x0, requires_grad=True)
reciprocal(x).backward()
print("by hand:", slope_by_hand, " autograd:", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(slope_by_hand))
# --8<-- [end:solution]
