# A model that learns: logistic regression and a small network on XOR-like data, end to end.

# --8<-- [start:data]
import math

import torch
import torch.nn.functional as F

seed = 0
torch.manual_seed(seed)  # the same "random" numbers on every run

# Four blobs: class 1 where both coordinates have the same sign, class 0 where they differ.
centres = torch.tensor([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
classes = torch.tensor([1.0, 1.0, 0.0, 0.0])
spread = 0.4  # the standard deviation of each blob around its centre


def make_blobs(points_per_blob):
    noise = spread * torch.randn(len(centres) * points_per_blob, 2)
    X = centres.repeat_interleave(points_per_blob, dim=0) + noise
    y = classes.repeat_interleave(points_per_blob)
    return X, y


X_train, y_train = make_blobs(50)  # to learn from
X_test, y_test = make_blobs(25)  # to check on: points the model never saw
print(f"training set: {len(X_train)} points, {int(y_train.sum())} of them in class 1")
print(f"test set:     {len(X_test)} points, {int(y_test.sum())} of them in class 1")
# --8<-- [end:data]


# --8<-- [start:logistic]
def train(parameters, model, lr, steps):
    """Gradient descent on the training loss; returns the loss before each step."""
    losses = []
    for _ in range(steps):
        loss = F.binary_cross_entropy_with_logits(model(X_train), y_train)
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():  # the update is not part of the model
            for parameter in parameters:
                parameter -= lr * parameter.grad
                parameter.grad.zero_()  # backward() adds: clear before the next one
    return losses


def logistic(X):
    return X @ w + b  # one logit per point: a straight line through the plane


w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
logistic_lr, logistic_steps = 0.5, 500
logistic_losses = train([w, b], logistic, logistic_lr, logistic_steps)
print(f"loss: {logistic_losses[0]:.4f} at the start, {logistic_losses[-1]:.4f} after {logistic_steps} steps")
# --8<-- [end:logistic]


# --8<-- [start:network]
def network(X):
    h = torch.tanh(X @ W1.T + b1)  # the hidden layer: one row of features per point
    return (h @ W2.T + b2).squeeze(1)  # one logit per point


hidden = 8
W1 = torch.randn(hidden, 2).requires_grad_()
b1 = torch.zeros(hidden, requires_grad=True)
W2 = (0.5 * torch.randn(1, hidden)).requires_grad_()  # scale first: W2 must stay a leaf
b2 = torch.zeros(1, requires_grad=True)
start = [parameter.detach().clone() for parameter in (W1, b1, W2, b2)]  # kept for later

network_lr, network_steps = 0.5, 500
network_losses = train([W1, b1, W2, b2], network, network_lr, network_steps)
print(f"loss: {network_losses[0]:.4f} at the start, {network_losses[-1]:.4f} after {network_steps} steps")
# --8<-- [end:network]


# --8<-- [start:evaluate]
def accuracy(model, X, y):
    with torch.no_grad():
        predicted = (model(X) > 0).float()  # logit > 0 means probability > 0.5: class 1
    return (predicted == y).float().mean().item()


results = {}
for name, model, losses in [("logistic regression", logistic, logistic_losses), ("network", network, network_losses)]:
    results[name] = (losses[-1], accuracy(model, X_train, y_train), accuracy(model, X_test, y_test))

print("model                 final loss   train accuracy   test accuracy")
for name, (loss, train_accuracy, test_accuracy) in results.items():
    print(f"{name:21} {loss:10.4f}   {train_accuracy:14.3f}   {test_accuracy:13.3f}")

logistic_test_accuracy = results["logistic regression"][2]
network_test_accuracy = results["network"][2]
guessing_loss = math.log(2)  # the loss of a model that says 0.5 for every point
assert logistic_test_accuracy < 0.6 and logistic_losses[-1] > 0.99 * guessing_loss
assert network_test_accuracy > 0.9 and network_losses[-1] < 0.1
# --8<-- [end:evaluate]

# --8<-- [start:optim_sgd]
from torch import nn


def network_at_start():
    """Our network as PyTorch layers, at the weights our loop started from."""
    model = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 1))
    with torch.no_grad():
        for parameter, value in zip(model.parameters(), start):
            parameter.copy_(value)
    return model


def train_with(optimizer, model, steps):
    """The loop of a PyTorch training script; returns the loss before each step."""
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(X_train).squeeze(1), y_train)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    return losses


sgd_model = network_at_start()
sgd_losses = train_with(torch.optim.SGD(sgd_model.parameters(), lr=network_lr), sgd_model, network_steps)

print(f"final loss, our loop:    {network_losses[-1]:.4f}")
print(f"final loss, torch.optim: {sgd_losses[-1]:.4f}")
torch.testing.assert_close(torch.tensor(sgd_losses), torch.tensor(network_losses))
# --8<-- [end:optim_sgd]

# --8<-- [start:adam]
adam_lr, adam_steps = 0.05, 100
adam_model = network_at_start()
adam_losses = train_with(torch.optim.Adam(adam_model.parameters(), lr=adam_lr), adam_model, adam_steps)

adam_test_accuracy = accuracy(lambda X: adam_model(X).squeeze(1), X_test, y_test)
print(f"Adam: loss {adam_losses[-1]:.4f} after {adam_steps} steps, test accuracy {adam_test_accuracy:.3f}")
ours_after_adam_steps = network_losses[adam_steps - 1]
print(f"our loop after {adam_steps} steps: loss {ours_after_adam_steps:.4f}")
# --8<-- [end:adam]

# --8<-- [start:surface]
# One feature u and two parameters, w and b: a model whose whole loss surface can be drawn.
u = torch.cat([1 + torch.randn(50), 3 + torch.randn(50)])
t = torch.cat([torch.zeros(50), torch.ones(50)])  # class 1 tends to have the larger u
u_mean = u.mean().item()


def line_loss(w, b):
    return F.binary_cross_entropy_with_logits(w * u + b, t)


def descent_path(loss_of, lr, steps):
    """The (w, b) pairs that gradient descent on loss_of(w, b) visits, from (0, 0)."""
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    path = [(w.item(), b.item())]
    for _ in range(steps):
        loss_of(w, b).backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
        path.append((w.item(), b.item()))
    return path


step_sizes, path_steps = (0.3, 2.0), 100
paths = [descent_path(line_loss, lr, path_steps) for lr in step_sizes]
path_losses = [line_loss(*path[-1]).item() for path in paths]
best = descent_path(line_loss, 2.0, 2000)[-1]  # much further along: the bottom of the valley
best_loss = line_loss(*best).item()
for lr, path, loss in zip(step_sizes, paths, path_losses):
    print(f"lr = {lr}: after {path_steps} steps w = {path[-1][0]:.3f}, b = {path[-1][1]:.3f}, loss {loss:.4f}")
print(f"the bottom:                w = {best[0]:.3f}, b = {best[1]:.3f}, loss {best_loss:.4f}")
print(f"the mean of u: {u_mean:.3f}")
# --8<-- [end:surface]


# --8<-- [start:exercise_product]
def with_product(X):
    return torch.cat([X, X[:, :1] * X[:, 1:]], dim=1)  # the columns x1, x2 and x1·x2


def product_logistic(X):
    return with_product(X) @ w3 + b3


w3 = torch.zeros(3, requires_grad=True)
b3 = torch.zeros(1, requires_grad=True)
product_losses = train([w3, b3], product_logistic, logistic_lr, logistic_steps)
product_test_accuracy = accuracy(product_logistic, X_test, y_test)
print(f"loss {product_losses[-1]:.4f}, test accuracy {product_test_accuracy:.3f}")
print("weights of x1, x2, x1·x2:", [round(weight, 3) for weight in w3.tolist()])
# --8<-- [end:exercise_product]


# --8<-- [start:exercise_centred]
u_centred = u - u_mean


def centred_loss(w, b):
    return F.binary_cross_entropy_with_logits(w * u_centred + b, t)


centred_path = descent_path(centred_loss, step_sizes[0], path_steps)
centred_end_loss = centred_loss(*centred_path[-1]).item()
print(f"lr = {step_sizes[0]}, {path_steps} steps: loss {path_losses[0]:.4f} with u, {centred_end_loss:.4f} centred")
# --8<-- [end:exercise_centred]
