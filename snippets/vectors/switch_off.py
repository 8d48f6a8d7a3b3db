# Three ways to compute without recording a graph, and what backward says about each.

# --8<-- [start:three_ways]
import torch

x = torch.tensor(2.0, requires_grad=True)

with torch.no_grad():  # 1. nothing inside the block is recorded
    y_no_grad = x**2

y_detached = x.detach() ** 2  # 2. square a copy that has no history

x_off = torch.tensor(2.0, requires_grad=True)
x_off.requires_grad_(False)  # 3. stop tracking the leaf itself
y_switched_off = x_off**2


def describe(y):
    return f"requires_grad={y.requires_grad}, grad_fn={y.grad_fn}"


print("no_grad:              ", describe(y_no_grad))
print("detach:               ", describe(y_detached))
print("requires_grad_(False):", describe(y_switched_off))

results = {
    "no_grad": y_no_grad,
    "detach": y_detached,
    "requires_grad_(False)": y_switched_off,
}
for name, y in results.items():
    try:
        y.backward()
    except RuntimeError as error:
        print(f"{name} -> RuntimeError: {error}")
# --8<-- [end:three_ways]
