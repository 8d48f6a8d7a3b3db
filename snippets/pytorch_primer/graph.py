# requires_grad, leaves and grad_fn on a small graph.

# --8<-- [start:track]
import torch

x = torch.tensor(3.0, requires_grad=True)  # an input we want a slope for
c = torch.tensor(1.0)  # a constant: no gradient wanted
y = x**2  # computed from x
z = 3 * y + c  # computed from y and c
q = c * 2  # computed from c alone

for name, t in {"x": x, "c": c, "y": y, "z": z, "q": q}.items():
    made_by = type(t.grad_fn).__name__ if t.grad_fn is not None else None  # the operation's name, or None
    print(f"{name}: requires_grad={t.requires_grad!s:<5}  is_leaf={t.is_leaf!s:<5}  grad_fn={made_by}")
# --8<-- [end:track]

# --8<-- [start:integers]
try:
    torch.tensor(3, requires_grad=True)  # an integer tensor
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:integers]
