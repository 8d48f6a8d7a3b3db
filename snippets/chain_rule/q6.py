# Exercise 6: f = tanh(log(z·2x / sin y + 1)) at x = 1, y = 2, z = 1, and the slip a check catches.

# --8<-- [start:forward]
import torch

x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
z = torch.tensor(1.0, requires_grad=True)

a = 2 * x
s = torch.sin(y)
c = a / s
d = c * z
g = torch.log(d + 1)
f = torch.tanh(g)
# --8<-- [end:forward]

# --8<-- [start:solution]
with torch.no_grad():
    df_dg = 1 - f * f  # tanh' = 1 − tanh²
    df_dd = df_dg / (d + 1)  # log(d + 1)' = 1 / (d + 1)
    df_dc = df_dd * z  # d = c·z
    # x reaches c through the numerator a = 2x ...
    df_dx = df_dc / s * 2
    # ... and y through the denominator s = sin y.
    df_dy = df_dc * (-a / s**2) * torch.cos(y)
print(f"by hand: df/dx = {df_dx.item():.4f}, df/dy = {df_dy.item():.4f}")

f.backward()
print(f"autograd: df/dx = {x.grad.item():.4f}, df/dy = {y.grad.item():.4f}")
# --8<-- [end:solution]

# --8<-- [start:the_slip]
# The slip: autograd's df/dx compared with the hand-made df/dy.
try:
    torch.testing.assert_close(x.grad, df_dy)
except AssertionError as mismatch:
    print(f"{type(mismatch).__name__}: {mismatch}")

# Each partial compared with the gradient of its own input:
torch.testing.assert_close(x.grad, df_dx)
torch.testing.assert_close(y.grad, df_dy)
print("matched: both agree")
# --8<-- [end:the_slip]
