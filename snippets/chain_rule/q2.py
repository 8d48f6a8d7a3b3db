# Exercise 2: a neuron with a ReLU, at b = 2, x = 3, w = 4.

# --8<-- [start:solution]
import torch

b = torch.tensor(2.0, requires_grad=True)
x = torch.tensor(3.0, requires_grad=True)
w = torch.tensor(4.0, requires_grad=True)

u = w * x
z = u + b
a = torch.relu(z)

da_dz = 1.0 if z.item() > 0 else 0.0  # ReLU passes the slope on only where z > 0
dz_du = 1.0  # z = u + b
du_dw = x.item()  # u = w·x
da_dw = da_dz * dz_du * du_dw
print("by hand: da/dw =", da_dw)

a.backward()
print("autograd: da/dw =", w.grad)
torch.testing.assert_close(w.grad, torch.tensor(da_dw))
# --8<-- [end:solution]
