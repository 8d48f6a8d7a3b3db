# y = x·x elementwise for x = [0, 1, 2, 3]: a vector output, so backward needs a vector v.

# --8<-- [start:scalar_only]
import torch

x = torch.arange(4.0, requires_grad=True)
y = x * x  # four outputs, one per input
print("y =", y)
try:
    y.backward()
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:scalar_only]

# --8<-- [start:vjp]
v = torch.ones(4)
y.backward(gradient=v)  # computes vᵀJ
print("x.grad = vᵀJ =", x.grad)
# --8<-- [end:vjp]

# --8<-- [start:checks]
from torch.autograd.functional import jacobian

J = jacobian(lambda t: t * t, x.detach())  # the whole matrix: affordable for four inputs
print("J =")
print(J)
print("vᵀJ =", v @ J)
torch.testing.assert_close(x.grad, v @ J)

x2 = torch.arange(4.0, requires_grad=True)
(x2 * x2).sum().backward()  # the gradient of y₁ + y₂ + y₃ + y₄
print("gradient of sum(y):", x2.grad)
torch.testing.assert_close(x2.grad, x.grad)
# --8<-- [end:checks]
