# Trap: backward() adds into .grad, and the three ways to clear it.

# --8<-- [start:two_backwards]
import torch

x = torch.tensor(3.0, requires_grad=True)
(x**2).backward()
(x**2).backward()  # a fresh graph of the same function
after_two = x.grad.item()
print(x.grad)
# --8<-- [end:two_backwards]

# --8<-- [start:one_backward]
x = torch.tensor(3.0, requires_grad=True)
(x**2).backward()
after_one = x.grad.item()
print(x.grad)
# --8<-- [end:one_backward]

# --8<-- [start:same_graph_twice]
x = torch.tensor(3.0, requires_grad=True)
y = x**2
y.backward()
try:
    y.backward()  # the same graph, not a fresh one
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
print(x.grad)
# --8<-- [end:same_graph_twice]

# --8<-- [start:clear]
x = torch.tensor(3.0, requires_grad=True)
try:
    x.grad.zero_()  # before the first backward() there is nothing to zero
except AttributeError as error:
    print(f"{type(error).__name__}: {error}")

(x**2).backward()
x.grad.zero_()  # 1. fill the stored gradient with zeros, in place
print("x.grad.zero_():       ", x.grad)

(x**2).backward()
x.grad = None  # 2. drop the stored gradient
print("x.grad = None:        ", x.grad)

(x**2).backward()
optimizer = torch.optim.SGD([x], lr=0.1)
optimizer.zero_grad()  # 3. what a training loop calls: drops it too, by default
print("optimizer.zero_grad():", x.grad)
# --8<-- [end:clear]
