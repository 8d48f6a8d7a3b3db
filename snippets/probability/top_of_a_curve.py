# Where a smooth function is highest, its slope is zero: p(1 - p), highest at p = 1/2.

# --8<-- [start:slopes]
import torch

points = [0.4, 0.5, 0.6]
slopes = []
for point in points:
    p = torch.tensor(point, dtype=torch.float64, requires_grad=True)
    right_then_wrong = p * (1 - p)  # the probability of one order, RW
    right_then_wrong.backward()
    slopes.append(p.grad.item())
    print(f"p = {point}: probability {right_then_wrong.item():.4f}, slope {p.grad.item():+.4f}")
# --8<-- [end:slopes]
