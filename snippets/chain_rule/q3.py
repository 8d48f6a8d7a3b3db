# Exercise 3: the same neuron with a sigmoid, at b = 1, x = 2, w = 3.

# --8<-- [start:solution]
import torch

b = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
w = torch.tensor(3.0, requires_grad=True)

u = w * x
z = u + b
a = torch.sigmoid(z)

da_dz = a.detach() * (1 - a.detach())  # σ'(z) = σ(z)(1 − σ(z))
da_dw = da_dz * 1.0 * x.detach()  # dz/du = 1, du/dw = x
print(f"by hand: da/dw = {da_dw.item():.6f}")

a.backward()
print(f"autograd: da/dw = {w.grad.item():.6f}")
torch.testing.assert_close(w.grad, da_dw)
# --8<-- [end:solution]
