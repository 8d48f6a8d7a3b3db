# Exercise 2: backward on y = x·x with v = [1, 2, 3, 4] instead of ones.

# --8<-- [start:solution]
values = [0.0, 1.0, 2.0, 3.0]
weights = [1.0, 2.0, 3.0, 4.0]
vjp_by_hand = [v * 2 * x for v, x in zip(weights, values)]  # v_i · 2x_i
print("by hand: vᵀJ =", vjp_by_hand)

import torch

x = torch.tensor(values, requires_grad=True)
v = torch.tensor(weights)
y = x * x
y.backward(gradient=v)
print("backward(v):       ", x.grad)

x2 = torch.tensor(values, requires_grad=True)
(v * (x2 * x2)).sum().backward()  # the gradient of the scalar vᵀy
print("gradient of vᵀy:   ", x2.grad)

torch.testing.assert_close(x.grad, torch.tensor(vjp_by_hand))
torch.testing.assert_close(x2.grad, x.grad)
# --8<-- [end:solution]
