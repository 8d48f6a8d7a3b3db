# Exercise: a weight that never receives a gradient.

# --8<-- [start:setup]
import warnings

import torch

scale = 0.01
draws = torch.Generator().manual_seed(0)
w = torch.randn(3, generator=draws, requires_grad=True) * scale  # small random starting weights
features = torch.tensor([1.0, 2.0, 3.0])
loss = (w @ features - 1) ** 2
loss.backward()
# --8<-- [end:setup]

# --8<-- [start:diagnosis]
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")  # Trap 4's warning about a non-leaf's .grad
    print(w.grad)
# --8<-- [end:diagnosis]

# --8<-- [start:leaf_gets_it]
draws = torch.Generator().manual_seed(0)
leaf = torch.randn(3, generator=draws, requires_grad=True)
w_from_leaf = leaf * scale
((w_from_leaf @ features - 1) ** 2).backward()
print(leaf.grad)
# --8<-- [end:leaf_gets_it]

# --8<-- [start:fixed]
draws = torch.Generator().manual_seed(0)
w = (torch.randn(3, generator=draws) * scale).requires_grad_()  # scale first, then ask for gradients
loss = (w @ features - 1) ** 2
loss.backward()
print(w.grad)
# --8<-- [end:fixed]

# --8<-- [start:why]
draws = torch.Generator().manual_seed(0)
w = torch.randn(3, generator=draws, requires_grad=True) * scale  # as in the exercise
print("w.is_leaf:", w.is_leaf, " w.grad_fn:", w.grad_fn.name())
try:
    optimizer = torch.optim.SGD([w], lr=0.1)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")

draws = torch.Generator().manual_seed(0)
w = (torch.randn(3, generator=draws) * scale).requires_grad_()  # scale first, then ask for gradients
loss = (w @ features - 1) ** 2
loss.backward()
print("w.is_leaf:", w.is_leaf, " w.grad:", w.grad)
optimizer = torch.optim.SGD([w], lr=0.1)  # accepted
# --8<-- [end:why]
