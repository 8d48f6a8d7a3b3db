# y = mean(x²) for x = [1, 2, 3]: by hand, by central differences and by autograd.

# --8<-- [start:gradient]
import torch


def mean_of_squares(t):
    return (t**2).mean()


values = [1.0, 2.0, 3.0]
n = len(values)
y_by_hand = sum(v**2 for v in values) / n
gradient_by_hand = [2 * v / n for v in values]  # ∂y/∂x_i = 2·x_i / n
print("by hand:             ∇y =", [round(g, 4) for g in gradient_by_hand])

h = 1e-6
point = torch.tensor(values, dtype=torch.float64)
gradient_numeric = []
for i in range(n):
    nudge = torch.zeros(n, dtype=torch.float64)
    nudge[i] = h  # move one coordinate, keep the others
    rise = mean_of_squares(point + nudge) - mean_of_squares(point - nudge)
    gradient_numeric.append((rise / (2 * h)).item())
print("central differences: ∇y ≈", [round(g, 4) for g in gradient_numeric])

x = torch.tensor(values, requires_grad=True)
y = mean_of_squares(x)
y.backward()
print("autograd:            x.grad =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(gradient_by_hand))
# --8<-- [end:gradient]
