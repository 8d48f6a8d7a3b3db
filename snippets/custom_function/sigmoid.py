# A custom torch.autograd.Function for the sigmoid, with its backward written by hand.

# --8<-- [start:function]
import torch


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        s = 1 / (1 + torch.exp(-z))
        ctx.save_for_backward(s)  # what backward will need: the output itself
        return s

    @staticmethod
    def backward(ctx, grad_output):
        (s,) = ctx.saved_tensors
        return grad_output * s * (1 - s)  # dL/dz = dL/ds · σ'(z), and σ' = σ(1 − σ)


# --8<-- [end:function]


# --8<-- [start:use]
z = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
weights = torch.tensor([1.0, 2.0, 3.0])
s = Sigmoid.apply(z)
print(s)
(weights * s).sum().backward()  # dL/ds = weights: that is the grad_output backward receives
print("ours:         ", z.grad)

z_torch = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
(weights * torch.sigmoid(z_torch)).sum().backward()
print("torch.sigmoid:", z_torch.grad)
# --8<-- [end:use]

# --8<-- [start:gradcheck]
z64 = torch.tensor([-2.0, 0.0, 3.0], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(Sigmoid.apply, (z64,)))
# --8<-- [end:gradcheck]


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
        return grad_output * s  # the factor (1 - s) is missing


try:
    torch.autograd.gradcheck(BrokenSigmoid.apply, (z64,))
except RuntimeError as error:
    print(f"{type(error).__name__}: {str(error).strip()}")
point, slopes = 0.0, {}
for function in (BrokenSigmoid, Sigmoid):
    at_point = torch.tensor(point, requires_grad=True)
    function.apply(at_point).backward()
    slopes[function.__name__] = at_point.grad.item()
sigma_at_zero, slope_at_zero = slopes["BrokenSigmoid"], slopes["Sigmoid"]
# --8<-- [end:broken]


# --8<-- [start:ctx]
class SigmoidKeptOnCtx(torch.autograd.Function):
    """The same, but the output is kept as a plain attribute of ctx instead of save_for_backward."""

    @staticmethod
    def forward(ctx, z):
        ctx.s = 1 / (1 + torch.exp(-z))
        return ctx.s

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.s * (1 - ctx.s)


for function in (Sigmoid, SigmoidKeptOnCtx):
    z = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
    s = function.apply(z)
    s += 1  # change the saved output in place, as in Trap 3
    try:
        s.sum().backward()
        print(f"{function.__name__}: z.grad =", z.grad)
    except RuntimeError as error:
        print(f"{function.__name__}: {type(error).__name__}: {str(error).split('. Hint')[0]}")
# --8<-- [end:ctx]

# --8<-- [start:stable]
import math

z = torch.tensor(-100.0, requires_grad=True)
composed = 1 / (1 + torch.exp(-z))  # the same formula, left to autograd
composed.backward()
nodes, node = [], composed.grad_fn
while node is not None and node.next_functions:
    nodes.append(node.name())
    node = node.next_functions[0][0]
composed_nodes = len(nodes)
print("composed: s =", composed.item(), " ds/dz =", z.grad.item(), " nodes:", nodes)

z.grad = None
s = Sigmoid.apply(z)
s.backward()
print("Sigmoid:  s =", s.item(), " ds/dz =", z.grad.item(), " nodes:", [s.grad_fn.name()])
exact_slope = math.exp(z.item()) / (1 + math.exp(z.item())) ** 2  # σ(1 − σ), in float64
print(f"exact:    ds/dz = {exact_slope:.3e}")
# --8<-- [end:stable]
