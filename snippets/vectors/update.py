# A gradient step on a leaf: refused in place while recording, a non-leaf out of place, right under no_grad.

# --8<-- [start:update]
import torch

eta = 0.25  # the learning rate η
x = torch.tensor(2.0, requires_grad=True)
y = x**2
y.backward()
print("y =", y, " x.grad =", x.grad)

try:
    x -= eta * x.grad  # a gradient step, in place, with recording on
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")

stepped = x - eta * x.grad  # out of place: a new tensor, recorded as computed from x
print("out of place: ", stepped, " leaf:", stepped.is_leaf)

with torch.no_grad():
    x -= eta * x.grad  # in place and not recorded: x stays the same leaf
x.grad.zero_()  # ready for the next backward()
print("under no_grad:", x, " leaf:", x.is_leaf)
# --8<-- [end:update]
