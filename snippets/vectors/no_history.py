# y = x² at x = 2, computed three ways that record no history: backward() has nothing to follow.

# --8<-- [start:three_ways]
import torch

x = torch.tensor(2.0, requires_grad=True)
with torch.no_grad():
    y_no_grad = x**2  # nothing inside the block is recorded

y_detached = x.detach() ** 2  # x's value, without its history, squared

x_off = torch.tensor(2.0, requires_grad=True)
x_off.requires_grad_(False)  # the leaf itself switched off
y_switched_off = x_off**2

results = {"no_grad": y_no_grad, "detach": y_detached, "requires_grad_(False)": y_switched_off}
for name, y in results.items():
    try:
        y.backward()
    except RuntimeError as error:
        refused = f"{type(error).__name__}: {error}"
        print(f"{name:22} y = {y!s:11} grad_fn = {y.grad_fn}   backward() raises")
print(refused)
# --8<-- [end:three_ways]
