# Exercise: a weight that never receives a gradient.

# --8<-- [start:setup]
import warnings

import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True) * 0.01  # small random starting weights
features = torch.tensor([1.0, 2.0, 3.0])
loss = (w @ features - 1) ** 2
loss.backward()
# --8<-- [end:setup]

# --8<-- [start:diagnosis]
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")  # the non-leaf warning: the lesson showed it
    print("w.grad:", w.grad)
print("w.is_leaf:", w.is_leaf, " w.grad_fn:", w.grad_fn.name())
# --8<-- [end:diagnosis]

# --8<-- [start:fixed]
torch.manual_seed(0)
w = (torch.randn(3) * 0.01).requires_grad_()  # scale first, then ask for gradients
loss = (w @ features - 1) ** 2
loss.backward()
print("w.is_leaf:", w.is_leaf, " w.grad:", w.grad)
with torch.no_grad():
    expected = 2 * (w @ features - 1) * features  # d(w·f − 1)²/dw = 2(w·f − 1) f
torch.testing.assert_close(w.grad, expected)
# --8<-- [end:fixed]
