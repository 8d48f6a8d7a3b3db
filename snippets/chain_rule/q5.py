# Exercise 5: a polynomial, f(x) = 6x + 7x² + 3x³ + 8x⁴ + 3, at x = 2.

# --8<-- [start:forward]
import torch

x = torch.tensor(2.0, requires_grad=True)

p = 6 * x
q = 7 * x**2
r = 3 * x**3
s = 8 * x**4
f = p + q + r + s + 3
# --8<-- [end:forward]

# --8<-- [start:by_hand]
x0 = x.item()
df_dx = 6 + 14 * x0 + 9 * x0**2 + 32 * x0**3  # the power rule, term by term
print("by hand: df/dx =", df_dx)
# --8<-- [end:by_hand]

# --8<-- [start:autograd]
f.backward()
print("autograd: df/dx =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(df_dx))
# --8<-- [end:autograd]
