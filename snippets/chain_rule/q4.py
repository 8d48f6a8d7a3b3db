# Exercise 4: f(x) = exp(-(x² + 2x + sin x)) at x = 0.2.

# --8<-- [start:forward]
import torch

x = torch.tensor(0.2, requires_grad=True)

p = x * x
q = 2 * x
r = torch.sin(x)
d = -(p + q + r)
f = torch.exp(d)
# --8<-- [end:forward]

# --8<-- [start:solution]
with torch.no_grad():  # hand arithmetic, kept out of autograd's graph
    df_dd = torch.exp(d)  # exp is its own derivative
    df_dp = df_dq = df_dr = -df_dd  # d = -(p + q + r)
    df_dx = df_dp * 2 * x + df_dq * 2 + df_dr * torch.cos(x)  # x reaches f along three paths
print(f"by hand: df/dx = {df_dx.item():.4f}")

f.backward()
print(f"autograd: df/dx = {x.grad.item():.4f}")
torch.testing.assert_close(x.grad, df_dx)
# --8<-- [end:solution]
