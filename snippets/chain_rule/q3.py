# Exercise 3: the same neuron with a sigmoid, at b = 1, x = 2, w = 3.

# --8<-- [start:solution]
import torch

b = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
w = torch.tensor(3.0, requires_grad=True)

u = w * x
v = u + b
a = torch.sigmoid(v)

da_dv = a.detach() * (1 - a.detach())  # σ'(v) = σ(v)(1 − σ(v))
da_dw = da_dv * 1.0 * x.detach()  # dv/du = 1, du/dw = x
print(f"by hand: da/dw = {da_dw.item():.6f}")

a.backward()
print(f"autograd: da/dw = {w.grad.item():.6f}")
torch.testing.assert_close(w.grad, da_dw)
# --8<-- [end:solution]
