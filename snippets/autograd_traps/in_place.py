# Trap: changing, in place, a tensor that autograd saved for the backward pass.

# --8<-- [start:in_place]
import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()  # exp saves its result: the derivative of e^x is e^x
print("version of y before:", y._version)
y += 1  # in place: the saved result is overwritten
print("version of y after: ", y._version)
try:
    y.sum().backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:in_place]

# --8<-- [start:out_of_place]
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()
y = y + 1  # a new tensor; the saved result is untouched
y.sum().backward()
print("x.grad =", x.grad)
torch.testing.assert_close(x.grad, x.detach().exp())
# --8<-- [end:out_of_place]
