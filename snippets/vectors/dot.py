# y = 2·(x · x) for x = [0, 1, 2, 3], then y = 2·sum(x) for the same x.

# --8<-- [start:dot]
import torch

x = torch.arange(4.0, requires_grad=True)  # [0., 1., 2., 3.]
y = 2 * x @ x  # @ between two vectors is the dot product: 2·(0·0 + 1·1 + 2·2 + 3·3)
print("x =", x)
print("y =", y)

gradient_by_hand = [4 * value for value in x.tolist()]  # ∂y/∂x_i = 4·x_i
print("by hand:  ∇y =", gradient_by_hand)
y.backward()
print("autograd: x.grad =", x.grad)
torch.testing.assert_close(x.grad, torch.tensor(gradient_by_hand))

x.grad.zero_()  # clear before the gradient of another function of the same x
y_sum = 2 * x.sum()  # ∂/∂x_i of 2·(x_0 + ... + x_{n-1}) is 2, for every i
y_sum.backward()
print("y_sum =", y_sum, " x.grad =", x.grad)
# --8<-- [end:dot]
