# Exercise 1: the gradient of the Euclidean norm ‖x‖ at x = [3, 4].

# --8<-- [start:solution]
import math

point = [3.0, 4.0]
length = math.sqrt(sum(p**2 for p in point))
gradient_by_hand = [p / length for p in point]  # ∇‖x‖ = x / ‖x‖
print("by hand: ‖x‖ =", length, " ∇‖x‖ =", gradient_by_hand)

import torch

x = torch.tensor(point, requires_grad=True)
norm = torch.linalg.vector_norm(x)
norm.backward()
print("autograd: ‖x‖ =", norm.item(), " x.grad =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(gradient_by_hand))
# --8<-- [end:solution]
