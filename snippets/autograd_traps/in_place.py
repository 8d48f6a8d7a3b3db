# Trap: changing, in place, a tensor that autograd saved for the backward pass.

# --8<-- [start:in_place]
import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()  # exp saves its result: the derivative of e^x is e^x
y += 1  # in place: the saved result is overwritten
try:
    y.sum().backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
print(x.grad)
# --8<-- [end:in_place]

# --8<-- [start:out_of_place]
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()
y = y + 1  # a new tensor; the saved result is untouched
y.sum().backward()
print(x.grad)
# --8<-- [end:out_of_place]

# --8<-- [start:through_data]
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()
y.data += 1  # the same memory, written behind the version counter's back
y.sum().backward()
print(x.grad)
# --8<-- [end:through_data]

# --8<-- [start:versions]
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()
print("exp saved its result y:", torch.equal(y.grad_fn._saved_result, y))
print("version of y:", y._version)
y += 1
print("version of y after the in-place change:", y._version)

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()
y = y + 1  # a new tensor; the saved result is untouched
y.sum().backward()
new_tensor_grad = x.grad
print("a new tensor:  x.grad =", new_tensor_grad)

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()
y.data += 1  # the same memory, written behind the version counter's back
y.sum().backward()
data_grad = x.grad
print("through .data: x.grad =", data_grad, " version of y:", y._version)
# --8<-- [end:versions]
