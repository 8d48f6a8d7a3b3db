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
nudges = h * torch.eye(n, dtype=torch.float64)  # row i moves coordinate i alone
gradient_numeric = [((mean_of_squares(point + e) - mean_of_squares(point - e)) / (2 * h)).item() for e in nudges]
print("central differences: ∇y ≈", [round(g, 4) for g in gradient_numeric])

x = torch.tensor(values, requires_grad=True)
y = mean_of_squares(x)
y.backward()
print("autograd:            x.grad =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(gradient_by_hand))
# --8<-- [end:gradient]
