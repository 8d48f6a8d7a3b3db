# Exercise 2: the vector-Jacobian product of a running sum, y = cumsum(x), with v = [1, 2, 3, 4].

# --8<-- [start:solution]
import torch

values = [0.0, 1.0, 2.0, 3.0]
weights = [1.0, 2.0, 3.0, 4.0]
n = len(values)
# x_j reaches every y_i with i ≥ j, each with slope 1: add v_i over those outputs.
vjp_by_hand = [sum(weights[i] for i in range(j, n)) for j in range(n)]
print("by hand:             ", vjp_by_hand)

x = torch.tensor(values, requires_grad=True)
y = torch.cumsum(x, dim=0)  # y_i = x_0 + ... + x_i
v = torch.tensor(weights)
y.backward(gradient=v)
print("backward(gradient=v):", x.grad)

from torch.autograd.functional import jacobian

J = jacobian(lambda t: torch.cumsum(t, dim=0), x.detach())
print("J =")
print(J)
torch.testing.assert_close(x.grad, v @ J)
torch.testing.assert_close(x.grad, torch.tensor(vjp_by_hand))
# --8<-- [end:solution]
