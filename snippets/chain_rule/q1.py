# Exercise 1: two paths from a to z, at a = 2, c = 3.

# --8<-- [start:solution]
import torch

a = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(3.0, requires_grad=True)

x = 2 * a + 3 * c
y = 5 * a * a + 3 * c * c * c
z = 2 * x + 3 * y

dz_dx, dz_dy = 2, 3  # z = 2x + 3y
dx_da = 2  # x = 2a + 3c
dy_da = 10 * a.item()  # y = 5a² + 3c³
dz_da = dz_dx * dx_da + dz_dy * dy_da  # one product per path, then the sum
print("by hand: dz/da =", dz_da)

z.backward()
print("autograd: dz/da =", a.grad)
torch.testing.assert_close(a.grad, torch.tensor(dz_da))
# --8<-- [end:solution]
