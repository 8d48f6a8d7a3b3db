# z = sin(x²) at x = 3: keep the gradient autograd passes through the intermediate y.

# --8<-- [start:retain_grad]
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.retain_grad()  # ask autograd to keep this intermediate's gradient
z = torch.sin(y)
z.backward()

print(f"y.grad = dz/dy = cos(y)  = {y.grad.item():.4f}")
print(f"x.grad = dz/dy · dy/dx   = {x.grad.item():.4f}")
torch.testing.assert_close(x.grad, y.grad * 2 * x.detach())
# --8<-- [end:retain_grad]
