# Trap: three ways to compute without a graph, and how they differ.

# --8<-- [start:three_ways]
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)

with torch.no_grad():
    a = x * 2  # nothing in this block is recorded
b = x.detach()  # x's numbers, cut off from the graph
with torch.inference_mode():
    c = x * 2  # nothing recorded, and c is marked as an inference tensor

for name, t in {"no_grad": a, "detach": b, "inference_mode": c}.items():
    print(f"{name:15} requires_grad={t.requires_grad}, grad_fn={t.grad_fn}, is_inference={t.is_inference()}")
# --8<-- [end:three_ways]

# --8<-- [start:shared_memory]
w = torch.tensor([1.0, 2.0], requires_grad=True)
w_detached = w.detach()
w_detached[0] = 10.0  # write into the detached tensor ...
print("w =", w)  # ... and w changes too: they share memory
# --8<-- [end:shared_memory]

# --8<-- [start:no_grad_later]
(x * a).sum().backward()  # a, made under no_grad, joins a new graph as a constant
print("x.grad =", x.grad)
# --8<-- [end:no_grad_later]

# --8<-- [start:inference_later]
try:
    (x * c).sum().backward()  # c, made under inference_mode, cannot
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:inference_later]
