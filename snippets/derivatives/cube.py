# Exercise 2: the slope of x³ at x = 2, by the limit and by autograd.

# --8<-- [start:solution]
import torch


def cube(x):
    return x**3


x0 = 2.0
slope_by_hand = 3 * x0**2  # the limit of 3x² + 3xh + h² as h shrinks
for h in [0.1, 0.01, 0.001]:
    quotient = (cube(x0 + h) - cube(x0)) / h
    expanded = 3 * x0**2 + 3 * x0 * h + h**2
    print(f"h = {h:<5g}  quotient {quotient:.6f}  3x² + 3xh + h² = {expanded:.6f}")

x = torch.tensor(x0, requires_grad=True)
cube(x).backward()
print("by hand:", slope_by_hand, " autograd:", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(slope_by_hand))
# --8<-- [end:solution]
