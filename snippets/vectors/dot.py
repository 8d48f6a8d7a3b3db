# y = 2·(x · x) for x = [0, 1, 2, 3].

# --8<-- [start:forward]
import torch

x = torch.arange(4.0, requires_grad=True)  # [0., 1., 2., 3.]
y = 2 * x @ x  # @ is the dot product: 2·(0·0 + 1·1 + 2·2 + 3·3)
print("x =", x)
print("y =", y)
# --8<-- [end:forward]

# --8<-- [start:gradient]
values = [0.0, 1.0, 2.0, 3.0]
gradient_by_hand = [4 * value for value in values]  # ∂y/∂x_i = 4·x_i
print("by hand:  ∇y =", gradient_by_hand)

y.backward()
print("autograd: x.grad =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(gradient_by_hand))
# --8<-- [end:gradient]
