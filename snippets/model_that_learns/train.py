# A model that learns: logistic regression and a small network on XOR-like data, end to end.

# --8<-- [start:data]
import math

import torch
import torch.nn.functional as F

# Four blobs: class 1 around the centres whose two coordinates share a sign, class 0 around the others.
centres = torch.tensor([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
classes = torch.tensor([1.0, 1.0, 0.0, 0.0])
spread = 0.4  # the standard deviation of each coordinate around its centre


def make_blobs(points_per_blob, seed):
    generator = torch.Generator().manual_seed(seed)  # this data set's own random numbers
    noise = spread * torch.randn(len(centres) * points_per_blob, 2, generator=generator)
    X = centres.repeat_interleave(points_per_blob, dim=0) + noise  # each centre repeated, one row per point
    y = classes.repeat_interleave(points_per_blob)
    return X, y


train_seed, test_seed = 0, 1
X_train, y_train = make_blobs(50, train_seed)  # to learn from
X_test, y_test = make_blobs(25, test_seed)  # to check on: points the model never saw
print(f"training set: {len(X_train)} points, {int(y_train.sum())} of them in class 1")
print(f"test set:     {len(X_test)} points, {int(y_test.sum())} of them in class 1")
print("the same training points again:", torch.equal(make_blobs(50, train_seed)[0], X_train))
# --8<-- [end:data]


# --8<-- [start:no_line]
def blob_means(X):
    return X.reshape(len(centres), -1, 2).mean(dim=1)  # one row per blob, in the order of `centres`


def crossing(p, q, r, s):
    """Where the line through p and q meets the line through r and s: p + f·(q − p) = r + g·(s − r)."""
    f, g = torch.linalg.solve(torch.stack([q - p, r - s], dim=1), r - p)  # two equations, two unknowns
    return p + f * (q - p), f.item(), g.item()


for name, X in [("training", X_train), ("test", X_test)]:
    one, other_one, zero, other_zero = blob_means(X)  # two class 1 means, then two class 0 means
    point, f, g = crossing(one, other_one, zero, other_zero)
    print(f"{name} set: the segments cross at ({point[0]:.3f}, {point[1]:.3f}), f = {f:.3f}, g = {g:.3f}")
# --8<-- [end:no_line]


# --8<-- [start:logistic]
class Logistic:
    """One logit per point, w·x + b: its class 1 region is one side of a straight line."""

    def __init__(self, inputs):
        self.w = torch.zeros(inputs, requires_grad=True)
        self.b = torch.zeros(1, requires_grad=True)

    def parameters(self):
        return [self.w, self.b]

    def __call__(self, X):
        return X @ self.w + self.b  # X @ w: one number per row; the one b is added to each


def train(model, X, y, lr, steps):
    """Gradient descent on the model's loss over (X, y); returns the loss before each step."""
    losses = []
    for _ in range(steps):
        loss = F.binary_cross_entropy_with_logits(model(X), y)
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():  # an in-place change of a leaf is refused while autograd records
            for parameter in model.parameters():
                parameter -= lr * parameter.grad
                parameter.grad.zero_()  # backward() adds: clear before the next one
    return losses


logistic = Logistic(2)
logistic_lr, logistic_steps = 0.5, 500
logistic_losses = train(logistic, X_train, y_train, logistic_lr, logistic_steps)
print(f"loss: {logistic_losses[0]:.4f} at the start, {logistic_losses[-1]:.4f} after {logistic_steps} steps")
# --8<-- [end:logistic]


# --8<-- [start:network]
class Network:
    """A hidden layer of tanh units, then one logit per point."""

    def __init__(self, hidden, generator):
        self.W1 = torch.randn(hidden, 2, generator=generator).requires_grad_()
        self.b1 = torch.zeros(hidden, requires_grad=True)
        self.W2 = (0.5 * torch.randn(1, hidden, generator=generator)).requires_grad_()  # scale first: stay a leaf
        self.b2 = torch.zeros(1, requires_grad=True)

    def parameters(self):
        return [self.W1, self.b1, self.W2, self.b2]

    def __call__(self, X):
        a = torch.tanh(X @ self.W1.T + self.b1)  # one row of hidden features per point; b1 added to each row
        return (a @ self.W2.T + self.b2).squeeze(1)  # a column of logits, squeezed to one per point


hidden, weights_seed = 8, 2
network = Network(hidden, torch.Generator().manual_seed(weights_seed))
start = [parameter.detach().clone() for parameter in network.parameters()]  # kept for later
parameter_count = sum(parameter.numel() for parameter in start)

network_lr, network_steps = 0.5, 500
network_losses = train(network, X_train, y_train, network_lr, network_steps)
print(f"{parameter_count} parameters")
print(f"loss: {network_losses[0]:.4f} at the start, {network_losses[-1]:.4f} after {network_steps} steps")
# --8<-- [end:network]


# --8<-- [start:equal_start]
equal = Network(hidden, torch.Generator().manual_seed(weights_seed))
with torch.no_grad():
    equal.W1.copy_(equal.W1[0].clone().expand_as(equal.W1))  # every hidden unit gets the first unit's weights
    equal.W2.fill_(equal.W2[0, 0].item())  # and the same weight into the output; b1 is all zeros already
equal_steps, first_row = 100, equal.W1[0].detach().clone()
train(equal, X_train, y_train, network_lr, equal_steps)
W1_rows, b1_values, W2_values = (torch.unique(p.detach(), dim=0) for p in (equal.W1, equal.b1, equal.W2[0]))
print(f"every row of W1 started as {first_row}")
print(f"after {equal_steps} steps, the {hidden} rows of W1 hold {len(W1_rows)} distinct row: {W1_rows}")
print(f"b1 holds {len(b1_values)} distinct value: {equal.b1.detach()}")
print(f"W2 holds {len(W2_values)} distinct value: {equal.W2.detach()}")
# --8<-- [end:equal_start]


# --8<-- [start:evaluate]
def accuracy(model, X, y):
    with torch.no_grad():
        predicted = (model(X) > 0).float()  # a positive logit is a probability above one half: class 1
    return (predicted == y).float().mean().item()


results = {}
for name, model, losses in [("logistic regression", logistic, logistic_losses), ("network", network, network_losses)]:
    results[name] = (losses[-1], accuracy(model, X_train, y_train), accuracy(model, X_test, y_test))

print("model                 final loss   train accuracy   test accuracy")
for name, (loss, train_accuracy, test_accuracy) in results.items():
    print(f"{name:21} {loss:10.4f}   {train_accuracy:14.3f}   {test_accuracy:13.3f}")

logistic_test_accuracy = results["logistic regression"][2]
network_test_accuracy = results["network"][2]
guessing_loss = math.log(2)  # the loss of a model that says one half for every point
assert logistic_test_accuracy < 0.6 and logistic_losses[-1] > 0.99 * guessing_loss
assert network_test_accuracy > 0.9 and network_losses[-1] < 0.1
# --8<-- [end:evaluate]

# --8<-- [start:optim_sgd]
from torch import nn


def network_at_start():
    """Our network as PyTorch layers, at the weights our loop started from."""
    with torch.random.fork_rng():  # nn.Linear draws weights from the global random stream: put it back after
        model = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 1))
    with torch.no_grad():
        for parameter, value in zip(model.parameters(), start):
            parameter.copy_(value)
    return model


def train_with(optimizer, model, X, y, steps):
    """The loop of a PyTorch training script; returns the loss before each step."""
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(X).squeeze(1), y)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    return losses


sgd_model = network_at_start()
sgd_optimizer = torch.optim.SGD(sgd_model.parameters(), lr=network_lr)
sgd_losses = train_with(sgd_optimizer, sgd_model, X_train, y_train, network_steps)

loss_gap = max(abs(ours - theirs) for ours, theirs in zip(network_losses, sgd_losses))
pairs = zip(network.parameters(), sgd_model.parameters())
weight_gap = max((ours - theirs).abs().max().item() for ours, theirs in pairs)
print(f"final loss, our loop:    {network_losses[-1]:.4f}")
print(f"final loss, torch.optim: {sgd_losses[-1]:.4f}")
print(f"largest difference: {loss_gap:.1e} in {network_steps} losses, {weight_gap:.1e} in the final parameters")
torch.testing.assert_close(torch.tensor(sgd_losses), torch.tensor(network_losses))
# --8<-- [end:optim_sgd]

# --8<-- [start:adam]
adam_lr, adam_steps = 0.05, 100

# One parameter with a small, steady gradient: the loss small_slope * lone has that slope everywhere.
small_slope, steady_steps, lone = 0.001, 3, torch.zeros(1, requires_grad=True)
steady = torch.optim.Adam([lone], lr=adam_lr)
for _ in range(steady_steps):
    steady.zero_grad()
    (small_slope * lone).sum().backward()
    steady.step()
plain = -steady_steps * adam_lr * small_slope  # where plain descent, at the same learning rate, would be
print(f"gradient {small_slope}, {steady_steps} steps: Adam moves it to {lone.item():.4f}, plain descent to {plain:.5f}")

adam_model = network_at_start()
adam_optimizer = torch.optim.Adam(adam_model.parameters(), lr=adam_lr)
adam_losses = train_with(adam_optimizer, adam_model, X_train, y_train, adam_steps)

adam_test_accuracy = accuracy(lambda X: adam_model(X).squeeze(1), X_test, y_test)
print(f"Adam: loss {adam_losses[-1]:.4f} after {adam_steps} steps, test accuracy {adam_test_accuracy:.3f}")
ours_after_adam_steps = network_losses[adam_steps - 1]
print(f"our loop after {adam_steps} steps: loss {ours_after_adam_steps:.4f}")
# --8<-- [end:adam]


# --8<-- [start:surface]
# One feature u and two parameters, w and b: a model whose whole loss surface can be drawn.
def line_loss(w, b, u, y):
    return F.binary_cross_entropy_with_logits(w * u + b, y)


def descent_path(u, y, lr, steps):
    """The (w, b) pairs that gradient descent on line_loss visits, from (0, 0)."""
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    path = [(w.item(), b.item())]
    for _ in range(steps):
        line_loss(w, b, u, y).backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
        path.append((w.item(), b.item()))
    return path


surface_seed = 3
generator = torch.Generator().manual_seed(surface_seed)  # this data set's own random numbers
per_class = 50
u = torch.cat([1 + torch.randn(per_class, generator=generator), 3 + torch.randn(per_class, generator=generator)])
t = torch.cat([torch.zeros(per_class), torch.ones(per_class)])  # class 1 tends to have the larger u
u_mean = u.mean().item()

step_sizes, path_steps = (0.3, 2.0), 100
paths = [descent_path(u, t, lr, path_steps) for lr in step_sizes]
path_losses = [line_loss(*path[-1], u, t).item() for path in paths]
best_steps = 600
best = descent_path(u, t, step_sizes[1], best_steps)[-1]  # much further along: the bottom of the valley
best_loss = line_loss(*best, u, t).item()
for lr, path, loss in zip(step_sizes, paths, path_losses):
    print(f"lr = {lr}: after {path_steps} steps w = {path[-1][0]:.3f}, b = {path[-1][1]:.3f}, loss {loss:.4f}")
print(f"the bottom:                w = {best[0]:.3f}, b = {best[1]:.3f}, loss {best_loss:.4f}")
print(f"the mean of u: {u_mean:.3f}")
# --8<-- [end:surface]


# --8<-- [start:curvature]
def curvatures(u, y, w, b):
    """The smallest and largest curvature at (w, b) over all directions, and the direction of the smallest."""
    hessian = torch.autograd.functional.hessian(lambda wb: line_loss(wb[0], wb[1], u, y), torch.tensor([w, b]))
    values, directions = torch.linalg.eigh(hessian)  # the eigenvalues, smallest first, and their directions
    return values[0].item(), values[1].item(), directions[:, 0]


flattest, steepest, floor = curvatures(u, t, *best)
condition_number = steepest / flattest
floor_slope = -(floor[1] / floor[0]).item()  # along the floor, b falls by this much for each unit w rises
print(f"curvature at the bottom: {steepest:.4f} across the valley, {flattest:.4f} along it")
print(f"along the floor, b falls by {floor_slope:.2f} for each unit w rises")
step_limit = 2 / steepest  # near the bottom, a larger step jumps further across the valley each time
print(f"ratio: {condition_number:.1f}; steps larger than {step_limit:.2f} cannot settle at the bottom")
keeps = [1 - lr * flattest for lr in step_sizes]  # the factor along the floor, for each step size
for lr, keep in zip(step_sizes, keeps):
    print(f"lr = {lr}: factor {1 - lr * steepest:+.3f} across the valley, {keep:+.4f} along it")
# --8<-- [end:curvature]


# --8<-- [start:exercise_product]
def with_product(X):
    return torch.cat([X, X[:, :1] * X[:, 1:]], dim=1)  # the columns x1, x2 and x1·x2, side by side


product_model = Logistic(3)
product_losses = train(product_model, with_product(X_train), y_train, logistic_lr, logistic_steps)
product_test_accuracy = accuracy(product_model, with_product(X_test), y_test)
print(f"loss {product_losses[-1]:.4f}, test accuracy {product_test_accuracy:.3f}")
print("weights of x1, x2, x1·x2:", [round(weight, 3) for weight in product_model.w.tolist()])
sets = [(X_train, y_train), (X_test, y_test)]
wrong_sign = sum(int(((X[:, 0] * X[:, 1] > 0).float() != y).sum()) for X, y in sets)
print(f"points whose sign of x1·x2 disagrees with their class: {wrong_sign}")
# --8<-- [end:exercise_product]


# --8<-- [start:exercise_centred]
u_centred = u - u_mean
centred_path = descent_path(u_centred, t, step_sizes[0], path_steps)
centred_end_loss = line_loss(*centred_path[-1], u_centred, t).item()
print(f"lr = {step_sizes[0]}, {path_steps} steps: loss {path_losses[0]:.4f} with u, {centred_end_loss:.4f} centred")

# The same line as `best`, written for the centred feature: w·(u − mean) + (b + w·mean) = w·u + b.
centred_flattest, centred_steepest, _ = curvatures(u_centred, t, best[0], best[1] + best[0] * u_mean)
centred_condition_number = centred_steepest / centred_flattest
centred_step_limit, centred_keep = 2 / centred_steepest, 1 - step_sizes[0] * centred_flattest
print(f"curvature at the bottom: {centred_steepest:.4f} and {centred_flattest:.4f}")
print(f"ratio: {centred_condition_number:.1f}; steps larger than {centred_step_limit:.2f} cannot settle at the bottom")
print(f"lr = {step_sizes[0]}: factor {centred_keep:+.4f} along the floor")
# --8<-- [end:exercise_centred]


# --8<-- [start:exercise_zero]
zero_network = Network(hidden, torch.Generator().manual_seed(weights_seed))
with torch.no_grad():
    for parameter in zero_network.parameters():
        parameter.zero_()  # every weight and bias 0
zero_losses = train(zero_network, X_train, y_train, network_lr, network_steps)
print(f"loss: {zero_losses[0]:.4f} at the start, {zero_losses[-1]:.4f} after {network_steps} steps")
largest_change = max(parameter.abs().max().item() for parameter in zero_network.parameters())
print(f"the largest parameter at the end, in size: {largest_change}")
# --8<-- [end:exercise_zero]
