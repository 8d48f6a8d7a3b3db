# Exercise: tanh computed outside torch, made differentiable with a Function.

# --8<-- [start:problem]
import math

import torch


def tanh_outside_torch(z):
    """tanh from Python's math module: a computation autograd cannot see into."""
    return torch.tensor([math.tanh(v) for v in z.tolist()], dtype=z.dtype)


z = torch.tensor([0.5, -1.0], requires_grad=True)
t = tanh_outside_torch(z)
print(t, t.requires_grad)
try:
    t.sum().backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:problem]


# --8<-- [start:solution]
class MathTanh(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        t = tanh_outside_torch(z)
        ctx.save_for_backward(t)
        return t

    @staticmethod
    def backward(ctx, grad_output):
        (t,) = ctx.saved_tensors
        return grad_output * (1 - t * t)  # the slope of tanh is 1 − tanh²


z = torch.tensor([0.5, -1.0], requires_grad=True)
MathTanh.apply(z).sum().backward()
print("z.grad:", z.grad)
z64 = torch.tensor([0.5, -1.0], dtype=torch.float64, requires_grad=True)
print("gradcheck:", torch.autograd.gradcheck(MathTanh.apply, (z64,)))
# --8<-- [end:solution]
