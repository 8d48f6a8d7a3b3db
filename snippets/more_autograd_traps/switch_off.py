# Trap: four ways to compute without a graph, and how they differ.

# --8<-- [start:three_ways]
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x**2
y.backward()
print("x.grad:", x.grad)  # dy/dx = 2x, recorded as usual

with torch.no_grad():
    a = x**2  # 1. nothing in this block is recorded
detached = x.detach() ** 2  # 2. x's value, cut off from the graph, then squared
with torch.inference_mode():
    c = x**2  # 3. nothing recorded, and c is marked as an inference tensor
x_off = torch.tensor(2.0, requires_grad=True)
x_off.requires_grad_(False)  # 4. stop tracking the leaf itself
untracked = x_off**2


def version(t):
    """The version counter of Trap 3, or why there is none."""
    try:
        return t._version
    except RuntimeError as error:
        return f"{type(error).__name__}: {error}"


for name, t in {"no_grad": a, "detach": detached, "inference_mode": c, "requires_grad_(False)": untracked}.items():
    print(f"{name:22} {t!r}  requires_grad={t.requires_grad}  grad_fn={t.grad_fn}  version: {version(t)}")
# --8<-- [end:three_ways]

# --8<-- [start:shared_memory]
w = torch.tensor([1.0, 2.0], requires_grad=True)
w_detached = w.detach()
w_detached[0] = 10.0  # write into the detached tensor ...
print(w)  # ... and w changes too: they share memory
# --8<-- [end:shared_memory]

# --8<-- [start:join_later]
x = torch.tensor(2.0, requires_grad=True)
(x * a).backward()  # a, made under no_grad, joins a new graph as a constant
print("x * a:", x.grad)  # d(x·a)/dx = a

x = torch.tensor(2.0, requires_grad=True)
(x + c).backward()  # c, made under inference_mode, joins a graph too
print("x + c:", x.grad)  # d(x + c)/dx = 1
# --8<-- [end:join_later]

# --8<-- [start:inference_mul]
x = torch.tensor(2.0, requires_grad=True)
try:
    (x * c).backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
print(x.grad)
# --8<-- [end:inference_mul]

# --8<-- [start:no_grad_mul]
x = torch.tensor(2.0, requires_grad=True)
(x * a).backward()  # the tensor made under no_grad instead
print(x.grad)
# --8<-- [end:no_grad_mul]

# --8<-- [start:untracked_mul]
try:
    (a * c).backward()  # neither factor has a history
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
print(a.grad)
# --8<-- [end:untracked_mul]
