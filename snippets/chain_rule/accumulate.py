# backward() adds into .grad: sin x, then cos x, at the same x = 2, and zero_() to start afresh.

# --8<-- [start:sin_then_cos]
import torch

x = torch.tensor(2.0, requires_grad=True)
this_pass = []  # what each backward() computes for x: a hook on x receives it


def remember(grad):
    this_pass.append(grad.item())


x.register_hook(remember)


def show(call):
    print(f"{call:<27} this pass: {this_pass[-1]:7.4f}   x.grad: {x.grad.item():7.4f}")


torch.sin(x).backward()
after_sin = x.grad.item()
show("sin(x).backward()")

torch.cos(x).backward()  # a second call: its gradient is added to what x.grad holds
after_cos = x.grad.item()
show("cos(x).backward()")

x.grad.zero_()  # start afresh: the stored gradient set to zero, in place
torch.cos(x).backward()
after_zero = x.grad.item()
show("zero_(), cos(x).backward()")
# --8<-- [end:sin_then_cos]
