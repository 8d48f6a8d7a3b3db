# Exercise 4: f(x) = exp(-(x² + 2x + sin x)) at x = 0.2, and what torch.no_grad() changes in the hand arithmetic.

# --8<-- [start:solution]
import torch

x = torch.tensor(0.2, requires_grad=True)

r = x * x
s = 2 * x
u = torch.sin(x)
d = -(r + s + u)
f = torch.exp(d)

with torch.no_grad():  # the hand arithmetic, not recorded
    df_dd = torch.exp(d)  # exp is its own derivative
    df_dr = df_ds = df_du = -df_dd  # d = -(r + s + u)
    df_dx = df_dr * 2 * x + df_ds * 2 + df_du * torch.cos(x)  # x reaches f along three paths
df_dx_recorded = -torch.exp(d) * 2 * x - torch.exp(d) * 2 - torch.exp(d) * torch.cos(x)  # the same, recorded
print("by hand, under no_grad:", df_dx)
print("by hand, recorded:     ", df_dx_recorded)

f.backward()
print("autograd:              ", x.grad)
torch.testing.assert_close(x.grad, df_dx)
# --8<-- [end:solution]
