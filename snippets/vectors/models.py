# A linear and a logistic model with two features, differentiated with respect to their input x = (2, 3).

# --8<-- [start:models]
import torch

w = torch.tensor([0.5, -1.0])  # the weights
b = 2.0  # the bias

x = torch.tensor([2.0, 3.0], requires_grad=True)
y = w @ x + b  # linear: y = w·x + b
y.backward()
print("linear:   y =", y.item(), " x.grad =", x.grad)
linear_grad = x.grad
torch.testing.assert_close(linear_grad, w)  # ∂y/∂x_i = w_i

x = torch.tensor([2.0, 3.0], requires_grad=True)  # a fresh x, with an empty .grad
z = w @ x + b  # the same score, now a logit ...
y_hat = torch.sigmoid(z)  # ... turned into a probability
y_hat.backward()
sigma_slope = y_hat.item() * (1 - y_hat.item())  # σ'(z) = σ(z)(1 − σ(z))
logistic_grad = x.grad
print("logistic: z =", z.item(), " ŷ =", y_hat.item(), " x.grad =", logistic_grad)
print("by hand:  σ'(z)·w =", sigma_slope * w)
torch.testing.assert_close(logistic_grad, sigma_slope * w)  # ∂ŷ/∂x_i = σ'(z)·w_i
# --8<-- [end:models]

# --8<-- [start:exercise_parameters]
x_fixed = torch.tensor([2.0, 3.0])  # the input is data now: no gradient needed
w = torch.tensor([0.5, -1.0], requires_grad=True)
b = torch.tensor(2.0, requires_grad=True)
y_hat = torch.sigmoid(w @ x_fixed + b)
y_hat.backward()

x0, x1 = x_fixed.tolist()
parameters_by_hand = [sigma_slope * x0, sigma_slope * x1, sigma_slope]  # σ'(z)·x_0, σ'(z)·x_1, σ'(z)
print("by hand:  ", parameters_by_hand)
print("autograd: ", w.grad, b.grad)
torch.testing.assert_close(w.grad, torch.tensor(parameters_by_hand[:2]))
torch.testing.assert_close(b.grad, torch.tensor(parameters_by_hand[2]))
# --8<-- [end:exercise_parameters]
