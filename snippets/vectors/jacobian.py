# y = x·x elementwise for x = [0, 1, 2, 3]: a vector output, so backward needs a vector v.

# --8<-- [start:scalar_only]
import torch

x = torch.arange(4.0, requires_grad=True)
y = x * x  # four outputs, one per input
print("y =", y)
try:
    y.backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:scalar_only]

# --8<-- [start:vjp]
v = torch.ones(4)
y.backward(gradient=v)  # computes vᵀJ
print("backward(gradient=v):", x.grad)

from torch.autograd.functional import jacobian

J = jacobian(lambda t: t * t, x.detach())  # the whole matrix: affordable for four inputs
print("J =")
print(J)
print("vᵀJ =", v @ J)
torch.testing.assert_close(x.grad, v @ J)

x_again = torch.arange(4.0, requires_grad=True)
(x_again * x_again).sum().backward()  # the gradient of y₀ + y₁ + y₂ + y₃
print("gradient of sum(y):", x_again.grad)
torch.testing.assert_close(x_again.grad, x.grad)
# --8<-- [end:vjp]
