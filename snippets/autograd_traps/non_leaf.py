# Trap: .grad of a tensor that autograd computed, rather than one you created.

# --8<-- [start:non_leaf]
import warnings

import torch

x = torch.tensor(3.0, requires_grad=True)  # a leaf: created by you
y = 2 * x  # not a leaf: computed from x
z = y**2
z.backward()
with warnings.catch_warnings(record=True) as caught:  # PyTorch warns here; the next section shows it
    warnings.simplefilter("always")
    print(y.grad)
# --8<-- [end:non_leaf]

# --8<-- [start:retained]
x = torch.tensor(3.0, requires_grad=True)
y = 2 * x
y.retain_grad()
z = y**2
z.backward()
print(y.grad)
# --8<-- [end:retained]

# --8<-- [start:leaf_grad]
x = torch.tensor(3.0, requires_grad=True)
y = 2 * x
z = y**2
z.backward()
print(x.grad)
# --8<-- [end:leaf_grad]

# --8<-- [start:retain_grad]
x = torch.tensor(3.0, requires_grad=True)
y = 2 * x
z = y**2
z.backward()
print("x.is_leaf:", x.is_leaf, " x.grad:", x.grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("y.is_leaf:", y.is_leaf, " y.grad:", y.grad)
# The warning ends with the line of PyTorch's C++ source that raised it; keep the sentences.
print(f"{caught[0].category.__name__}: {str(caught[0].message).split(' (Triggered')[0]}")

x = torch.tensor(3.0, requires_grad=True)
y = 2 * x
y.retain_grad()  # ask autograd to keep this one
z = y**2
z.backward()
print("after y.retain_grad(): y.grad:", y.grad)
# --8<-- [end:retain_grad]
