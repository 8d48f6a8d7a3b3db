# Exercise: a backward that ignores grad_output.

# --8<-- [start:setup]
import torch


class ForgetfulSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        s = 1 / (1 + torch.exp(-z))
        ctx.save_for_backward(s)
        return s

    @staticmethod
    def backward(ctx, grad_output):
        (s,) = ctx.saved_tensors
        return s * (1 - s)  # grad_output is never used


def run_gradcheck(function):
    z64 = torch.tensor([-2.0, 0.0, 3.0], dtype=torch.float64, requires_grad=True)
    try:
        print(torch.autograd.gradcheck(function.apply, (z64,)))
    except RuntimeError as error:
        print(f"{type(error).__name__}: {str(error).strip()}")


# --8<-- [end:setup]


# --8<-- [start:forgetful]
run_gradcheck(ForgetfulSigmoid)
# --8<-- [end:forgetful]


# --8<-- [start:correct]
class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        s = 1 / (1 + torch.exp(-z))
        ctx.save_for_backward(s)
        return s

    @staticmethod
    def backward(ctx, grad_output):
        (s,) = ctx.saved_tensors
        return grad_output * s * (1 - s)


run_gradcheck(Sigmoid)
# --8<-- [end:correct]


# --8<-- [start:broken]
class BrokenSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        s = 1 / (1 + torch.exp(-z))
        ctx.save_for_backward(s)
        return s

    @staticmethod
    def backward(ctx, grad_output):
        (s,) = ctx.saved_tensors
        return grad_output * s


run_gradcheck(BrokenSigmoid)
# --8<-- [end:broken]

# --8<-- [start:sum_hides_it]
for weight in (1.0, 3.0):
    z = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
    (weight * ForgetfulSigmoid.apply(z)).sum().backward()
    z_torch = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
    (weight * torch.sigmoid(z_torch)).sum().backward()
    print(f"loss = ({weight:g} * s).sum():  forgetful {z.grad}   torch.sigmoid {z_torch.grad}")
# --8<-- [end:sum_hides_it]
