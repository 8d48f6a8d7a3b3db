# Training as real code does it: nn.Module, nn.Linear, a DataLoader of minibatches, cross_entropy, and momentum.

# --8<-- [start:data]
import torch
import torch.nn.functional as F

# Three classes of points in the plane, one blob around each centre.
centres = torch.tensor([[0.0, 1.0], [1.0, -1.0], [-1.0, -1.0]])
classes, spread = len(centres), 0.5


def make_blobs(points_per_class, seed):
    generator = torch.Generator().manual_seed(seed)  # this data set's own random numbers
    noise = spread * torch.randn(classes * points_per_class, 2, generator=generator)
    X = centres.repeat_interleave(points_per_class, dim=0) + noise
    y = torch.arange(classes).repeat_interleave(points_per_class)  # each point's class as an index: 0, 1 or 2
    return X, y


train_seed, test_seed = 0, 1
X_train, y_train = make_blobs(60, train_seed)
X_test, y_test = make_blobs(20, test_seed)
print(f"training set: X {tuple(X_train.shape)}, y {tuple(y_train.shape)} of {y_train.dtype}")
print(f"test set:     X {tuple(X_test.shape)}, y {tuple(y_test.shape)}")
print("first labels:", y_train[:3].tolist(), "last labels:", y_train[-3:].tolist())
# --8<-- [end:data]


# --8<-- [start:model]
from torch import nn


class Classifier(nn.Module):
    """A hidden layer of tanh units, then one logit per class: K logits for each row of X."""

    def __init__(self, inputs, hidden, outputs):
        super().__init__()  # sets up the bookkeeping that finds the layers below
        self.hidden = nn.Linear(inputs, hidden)  # a weight of shape (hidden, inputs) and a bias of shape (hidden,)
        self.output = nn.Linear(hidden, outputs)

    def forward(self, X):
        return self.output(torch.tanh(self.hidden(X)))


def fresh_model(seed):
    """A Classifier whose starting weights depend only on seed."""
    with torch.random.fork_rng():  # nn.Linear draws from the global stream; fork_rng puts it back on exit
        torch.manual_seed(seed)
        return Classifier(2, hidden, classes)


hidden, weights_seed = 16, 2
global_state = torch.random.get_rng_state()
model = fresh_model(weights_seed)
for name, parameter in model.named_parameters():
    print(f"{name:14} {tuple(parameter.shape)}")
print("logits of the first two points:", model(X_train[:2]).shape)
print("global random state unchanged:", torch.equal(global_state, torch.random.get_rng_state()))
with torch.random.fork_rng():  # what fresh_model guards against (inside fork_rng too, to put the stream back)
    nn.Linear(2, 3)
    print("nn.Linear alone changes it:", not torch.equal(global_state, torch.random.get_rng_state()))
# --8<-- [end:model]


# --8<-- [start:loss]
logits, labels = model(X_train[::45]), y_train[::45]  # a few points of every class
print("labels:", labels.tolist())
loss = F.cross_entropy(logits, labels)  # logits, not probabilities; labels are class indices
# The same by hand: log-softmax of each row, the entry of the true class, negated, averaged over the rows.
by_hand = -F.log_softmax(logits, dim=1)[torch.arange(len(labels)), labels].mean()
one_hot = F.one_hot(labels, classes).float()  # the other form of target it accepts: a row of probabilities
print(f"cross_entropy:        {loss.item():.6f}")
print(f"by hand:              {by_hand.item():.6f}")
print(f"with one-hot targets: {F.cross_entropy(logits, one_hot).item():.6f}")
print(f"on probabilities:     {F.cross_entropy(F.softmax(logits, dim=1), labels).item():.6f}")

z = logits.detach().requires_grad_()  # the gradient with respect to the logits
F.cross_entropy(z, labels).backward()
p = F.softmax(z, dim=1).detach()
print(f"largest gap between z.grad and (p - y) / B: {(z.grad - (p - one_hot) / len(labels)).abs().max():.1e}")
# --8<-- [end:loss]


# --8<-- [start:loader]
from torch.utils.data import DataLoader, TensorDataset

batch_size, shuffle_seed = 20, 3


def make_loader(seed):
    """Minibatches of the training set, in a new order each epoch, drawn from a generator of its own."""
    dataset = TensorDataset(X_train, y_train)  # row i of each tensor, together: (X_train[i], y_train[i])
    return DataLoader(dataset, batch_size=batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))


global_state = torch.random.get_rng_state()
loader = make_loader(shuffle_seed)
batches_per_epoch = len(loader)
for epoch in range(2):
    firsts = [int(y[0]) for X, y in loader]  # the class of the first point of each batch
    print(f"epoch {epoch}: {len(firsts)} batches of {batch_size}; first labels {firsts}")
batch_X, batch_y = next(iter(loader))
print("one batch:", tuple(batch_X.shape), tuple(batch_y.shape))
# shuffle=False, the default; a loader draws a number from its generator at each epoch all the same
in_order = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, generator=torch.Generator())
class_0_batches = sum(1 for X, y in in_order if (y == 0).all())
print(f"without shuffling, {class_0_batches} batches hold class 0 alone")
print("global random state unchanged:", torch.equal(global_state, torch.random.get_rng_state()))
with torch.random.fork_rng():  # what the generators guard against (inside fork_rng, to put the stream back)
    list(DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size))  # unshuffled, and no generator
    print(
        "an unshuffled loader with no generator changes it:",
        not torch.equal(global_state, torch.random.get_rng_state()),
    )
# --8<-- [end:loader]


# --8<-- [start:train]
def train(model, optimizer, loader, epochs):
    """Minibatch training; returns the loss on the whole training set after each epoch."""
    X_all, y_all = loader.dataset.tensors
    losses = []
    for _ in range(epochs):
        for X, y in loader:  # every point once per epoch, a batch at a time
            optimizer.zero_grad()
            loss = F.cross_entropy(model(X), y)
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(F.cross_entropy(model(X_all), y_all).item())
    return losses


def accuracy(model, X, y):
    with torch.no_grad():
        return (model(X).argmax(dim=1) == y).float().mean().item()  # the class with the largest logit


lr, epochs = 0.05, 20
plain_model = fresh_model(weights_seed)
plain_optimizer = torch.optim.SGD(plain_model.parameters(), lr=lr)  # no momentum
plain_losses = train(plain_model, plain_optimizer, make_loader(shuffle_seed), epochs)
steps = epochs * batches_per_epoch
print(f"{epochs} epochs of {batches_per_epoch} steps each")
print(f"loss {plain_losses[0]:.4f} after the first epoch, {plain_losses[-1]:.4f} at the end")
print(f"test accuracy: {accuracy(plain_model, X_test, y_test):.3f}")
with torch.no_grad():
    in_training_mode = plain_model(X_test)
    plain_model.eval()  # sets the flag `training` to False, in the model and in each of its layers
    unchanged = torch.equal(plain_model(X_test), in_training_mode)
    print(f"after eval(): output.training = {plain_model.output.training}, outputs unchanged: {unchanged}")
    plain_model.train()  # and back
    dropout, ones = nn.Dropout(), torch.ones(8)  # a layer that reads the flag; this course uses none
    with torch.random.fork_rng():  # dropout draws from the global stream: put it back afterwards
        torch.manual_seed(weights_seed)
        print("nn.Dropout while training:", dropout.train()(ones), " after eval():", dropout.eval()(ones))
# --8<-- [end:train]


# --8<-- [start:by_hand]
def train_by_hand(model, lr, loader, epochs):
    """The loop of the previous lessons, over the same minibatches: no optimizer."""
    for _ in range(epochs):
        for X, y in loader:
            loss = F.cross_entropy(model(X), y)
            loss.backward()
            with torch.no_grad():
                for parameter in model.parameters():
                    parameter -= lr * parameter.grad
                    parameter.grad.zero_()


hand_model = fresh_model(weights_seed)
train_by_hand(hand_model, lr, make_loader(shuffle_seed), epochs)
pairs = zip(hand_model.parameters(), plain_model.parameters())
hand_gap = max((ours - theirs).abs().max().item() for ours, theirs in pairs)
print(f"largest difference from torch.optim.SGD after {steps} steps: {hand_gap:.1e}")
# --8<-- [end:by_hand]


# --8<-- [start:momentum_check]
beta = 0.9
checked = fresh_model(weights_seed)
optimizer = torch.optim.SGD(checked.parameters(), lr=lr, momentum=beta)
weight = checked.output.weight  # follow one parameter through two steps
expected, u = weight.detach().clone(), None
for step, (X, y) in enumerate(list(make_loader(shuffle_seed))[:2], start=1):
    optimizer.zero_grad()
    F.cross_entropy(checked(X), y).backward()
    g = weight.grad.clone()
    u = g if u is None else beta * u + g  # the rule, written out
    expected = expected - lr * u
    optimizer.step()
    step_gap = (weight.detach() - expected).abs().max().item()
    print(f"step {step}: the rule and torch.optim.SGD differ by at most {step_gap:.1e}")
buffer_gap = (optimizer.state[weight]["momentum_buffer"] - u).abs().max().item()
print(f"the optimizer's momentum_buffer and u differ by at most {buffer_gap:.1e}")
# --8<-- [end:momentum_check]


# --8<-- [start:momentum]
momentum_model = fresh_model(weights_seed)
momentum_optimizer = torch.optim.SGD(momentum_model.parameters(), lr=lr, momentum=beta)
momentum_losses = train(momentum_model, momentum_optimizer, make_loader(shuffle_seed), epochs)
momentum_accuracy = accuracy(momentum_model, X_test, y_test)
print(f"momentum {beta}: loss {momentum_losses[0]:.4f} after the first epoch, {momentum_losses[-1]:.4f} at the end")
print(f"test accuracy: {momentum_accuracy:.3f}")
plain_epochs_needed = next(i + 1 for i, loss in enumerate(momentum_losses) if loss <= plain_losses[-1])
print(f"momentum reaches plain SGD's final loss after {plain_epochs_needed} epochs")
# --8<-- [end:momentum]


# --8<-- [start:exercise_parameters]
wider_hidden, wider_classes = 32, 4
with torch.random.fork_rng():
    torch.manual_seed(weights_seed)
    wider = Classifier(2, wider_hidden, wider_classes)
wider_count = sum(parameter.numel() for parameter in wider.parameters())
print("shapes:", [tuple(parameter.shape) for parameter in wider.parameters()])
print(f"numbers to train: {wider_count}")
# --8<-- [end:exercise_parameters]


# --8<-- [start:exercise_batches]
big_batch = 32
for drop_last in (False, True):
    dataset = TensorDataset(X_train, y_train)
    batches = DataLoader(dataset, batch_size=big_batch, drop_last=drop_last, generator=torch.Generator())
    sizes = [len(y) for X, y in batches]
    print(f"drop_last={drop_last}: {len(sizes)} batches, sizes {sizes}")
    if not drop_last:
        steps_per_epoch, last_batch = len(sizes), sizes[-1]
# --8<-- [end:exercise_batches]


# --8<-- [start:exercise_large_step]
large_lr = lr / (1 - beta)  # the step momentum builds up to when the gradient stays the same
large_model = fresh_model(weights_seed)
large_optimizer = torch.optim.SGD(large_model.parameters(), lr=large_lr)
large_losses = train(large_model, large_optimizer, make_loader(shuffle_seed), epochs)
print(f"plain SGD, lr = {large_lr:g}:     first epoch {large_losses[0]:.4f}, last {large_losses[-1]:.4f}")
print(f"momentum {beta:g}, lr = {lr:g}: first epoch {momentum_losses[0]:.4f}, last {momentum_losses[-1]:.4f}")
# --8<-- [end:exercise_large_step]
