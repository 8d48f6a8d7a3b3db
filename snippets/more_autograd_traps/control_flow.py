# Trap: Python's if runs during the forward pass; the graph keeps only the branch taken.

# --8<-- [start:branches]
import torch


def f(x):
    if x > 0:  # Python decides, on the value, while the graph is being built
        return x**2
    return -3 * x


for start in (2.0, -2.0):
    x = torch.tensor(start, requires_grad=True)
    y = f(x)
    y.backward()
    print(f"x = {start:4}: graph ends in {y.grad_fn.name()}, df/dx = {x.grad.item()}")
# --8<-- [end:branches]


# --8<-- [start:hand_abs_def]
def hand_abs(x):
    return x if x >= 0 else -x


# --8<-- [end:hand_abs_def]


# --8<-- [start:hand_abs]
x = torch.tensor(0.0, requires_grad=True)
hand_abs(x).backward()
hand_slope = x.grad.item()
print(x.grad)
# --8<-- [end:hand_abs]


# --8<-- [start:strict_abs]
def strict_abs(x):
    return x if x > 0 else -x  # > where hand_abs has >=


x_strict = torch.tensor(0.0, requires_grad=True)
strict_abs(x_strict).backward()
strict_slope = x_strict.grad.item()
print(x_strict.grad)
# --8<-- [end:strict_abs]

# --8<-- [start:torch_abs]
x = torch.tensor(0.0, requires_grad=True)
torch.abs(x).backward()
torch_slope = x.grad.item()
print(x.grad)
# --8<-- [end:torch_abs]
