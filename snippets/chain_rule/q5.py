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

# --8<-- [start:solution]
x0 = x.item()
terms = [6, 14 * x0, 9 * x0**2, 32 * x0**3]  # the power rule, term by term; the constant 3 adds 0
df_dx = sum(terms)
print("by hand: df/dx =", " + ".join(f"{term:g}" for term in terms), "=", df_dx)

f.backward()
print("autograd: df/dx =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(df_dx))
# --8<-- [end:solution]
