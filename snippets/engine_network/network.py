# A neural network on our own engine: the whole Value class with relu, then Neuron, Layer and MLP, trained.

# --8<-- [start:engine]
import math


class Value:
    """A number that remembers how it was computed, and collects its gradient."""

    def __init__(self, data, children=(), local=(), op=""):
        self.data = float(data)
        self.grad = 0.0  # d(output)/d(self), filled in by backward()
        self._prev = tuple(children)  # the Values this one was computed from ...
        self._local = tuple(local)  # ... and d(self)/d(child) for each of them
        self._op = op  # the operation that made it: "+", "*", "exp", ...; "" for a leaf

    def __repr__(self):
        return f"Value(data={self.data:g}, grad={self.grad:g})"

    # Each operation computes its value and its local derivatives, nothing else.
    def __add__(self, other):  # self + other
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0), "+")

    def __mul__(self, other):  # self * other
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data), "*")

    def __pow__(self, k):  # self ** k, for a plain number k
        return Value(self.data**k, (self,), (k * self.data ** (k - 1),), f"**{k}")

    def exp(self):
        e = math.exp(self.data)
        return Value(e, (self,), (e,), "exp")  # exp is its own derivative

    def log(self):
        return Value(math.log(self.data), (self,), (1 / self.data,), "log")

    def sin(self):
        return Value(math.sin(self.data), (self,), (math.cos(self.data),), "sin")

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1 - t * t,), "tanh")

    def sigmoid(self):
        s = 1 / (1 + math.exp(-self.data))
        return Value(s, (self,), (s * (1 - s),), "sigmoid")

    def relu(self):
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,), "relu")

    # Built from the operations above, so they need no derivative of their own.
    def __neg__(self):  # -self
        return self * -1

    def __sub__(self, other):  # self - other
        return self + -other

    def __radd__(self, other):  # number + self
        return self + other

    def __rmul__(self, other):  # number * self
        return self * other

    def __rsub__(self, other):  # number - self
        return -self + other

    # The backward pass.
    def backward(self):
        order, seen = [], set()

        def visit(node):  # a node joins the order after everything it was computed from
            if node not in seen:
                seen.add(node)
                for child in node._prev:
                    visit(child)
                order.append(node)

        visit(self)
        self.grad = 1.0  # d(self)/d(self)
        for node in reversed(order):  # from the output down to the leaves
            node._backward()

    def _backward(self):  # the chain rule, for the one operation that made self
        for child, local in zip(self._prev, self._local):
            child.grad += local * self.grad


# --8<-- [end:engine]


# --8<-- [start:relu]
import torch

points = [-1.5, 0.0, 2.0]
relu_slopes = []
for point in points:
    a = Value(point)
    a.relu().backward()
    relu_slopes.append(a.grad)
leaves = torch.tensor(points, dtype=torch.float64, requires_grad=True)
torch.relu(leaves).sum().backward()
print("at       ", points)
print("ours     ", relu_slopes)
print("PyTorch's", leaves.grad.tolist())
# --8<-- [end:relu]


# --8<-- [start:neuron]
class Neuron:
    """relu(w · x + b), or w · x + b alone for an output neuron: one weight per input, and a bias."""

    def __init__(self, n_inputs, generator, relu=True):
        weights = torch.empty(n_inputs, dtype=torch.float64).uniform_(-1, 1, generator=generator)
        self.w = [Value(weight) for weight in weights.tolist()]
        self.b = Value(0.0)
        self.relu = relu

    def __call__(self, x):  # neuron(x) runs this
        weighted = sum((w_i * x_i for w_i, x_i in zip(self.w, x)), self.b)  # b + w_1 x_1 + ... + w_n x_n
        return weighted.relu() if self.relu else weighted

    def parameters(self):
        return [*self.w, self.b]


def log_loss(y_hat, y):
    """Binary cross-entropy: minus the log of the probability y_hat gives to the label y."""
    return -(y * y_hat.log() + (1 - y) * (1 - y_hat).log())


weights_generator = torch.Generator().manual_seed(0)
neuron = Neuron(1, weights_generator, relu=False)
neuron.w[0].data, neuron.b.data = 1.0, 0.0  # the start of the single neuron lesson
example_x, example_y = [6.7], 0.0
y_hat = neuron(example_x).sigmoid()
log_loss(y_hat, example_y).backward()
print(f"y_hat = {y_hat.data:.6f}")
print(f"dL/dw = {neuron.w[0].grad:.6f}, dL/db = {neuron.b.grad:.6f}")
# --8<-- [end:neuron]


# --8<-- [start:network]
class Layer:
    """n_outputs neurons, each of which sees every input."""

    def __init__(self, n_inputs, n_outputs, generator, relu=True):
        self.neurons = [Neuron(n_inputs, generator, relu) for _ in range(n_outputs)]

    def __call__(self, x):
        return [neuron(x) for neuron in self.neurons]

    def parameters(self):
        return [parameter for neuron in self.neurons for parameter in neuron.parameters()]


class MLP:
    """Layers one after another; relu in every layer but the last, whose outputs are logits."""

    def __init__(self, sizes, generator):  # sizes: the inputs, then each layer's outputs
        last = len(sizes) - 2  # the index of the output layer
        self.layers = [Layer(sizes[i], sizes[i + 1], generator, relu=i < last) for i in range(last + 1)]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [parameter for layer in self.layers for parameter in layer.parameters()]

    def zero_grad(self):
        for parameter in self.parameters():
            parameter.grad = 0.0


sizes = [2, 8, 1]
net = MLP(sizes, weights_generator)
print("parameters:", len(net.parameters()))
corner = [1.0, -1.0]
print(f"logit at {corner}:", net(corner))
# --8<-- [end:network]


# --8<-- [start:data]
data_generator = torch.Generator().manual_seed(0)
centres = torch.tensor([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]], dtype=torch.float64)
classes = torch.tensor([1.0, 1.0, 0.0, 0.0], dtype=torch.float64)  # 1 where both coordinates share a sign
spread = 0.4


def make_blobs(points_per_blob):
    noise = spread * torch.randn(len(centres) * points_per_blob, 2, dtype=torch.float64, generator=data_generator)
    X = centres.repeat_interleave(points_per_blob, dim=0) + noise
    return X.tolist(), classes.repeat_interleave(points_per_blob).tolist()  # plain Python floats


X_train, y_train = make_blobs(5)
X_test, y_test = make_blobs(5)
n_train = len(X_train)
print(f"{n_train} training points and {len(X_test)} test points")
print("the first:", [round(coordinate, 4) for coordinate in X_train[0]], "class", y_train[0])
# --8<-- [end:data]


# --8<-- [start:train]
def mean_loss(net, X, y):
    total = 0.0
    for point, label in zip(X, y):
        total = total + log_loss(net(point)[0].sigmoid(), label)
    return total * (1 / len(X))


learning_rate, steps = 0.5, 40
losses = []
for _ in range(steps):
    loss = mean_loss(net, X_train, y_train)  # a fresh graph at every step
    net.zero_grad()
    loss.backward()
    for parameter in net.parameters():
        parameter.data -= learning_rate * parameter.grad
    losses.append(loss.data)


def accuracy(net, X, y):
    return sum((net(point)[0].data > 0) == (label == 1) for point, label in zip(X, y)) / len(X)


train_accuracy, test_accuracy = accuracy(net, X_train, y_train), accuracy(net, X_test, y_test)
print(f"loss: {losses[0]:.4f} before the first step, {losses[-1]:.4f} before the last")
print(f"right: {train_accuracy:.2f} of the training points, {test_accuracy:.2f} of the test points")
# --8<-- [end:train]


# --8<-- [start:torch_check]
import torch.nn.functional as F


def as_tensors(layer):
    """A layer's weights as one row per neuron, and its biases, in float64 tensors that require grad."""
    W = torch.tensor([[w.data for w in neuron.w] for neuron in layer.neurons], dtype=torch.float64)
    b = torch.tensor([neuron.b.data for neuron in layer.neurons], dtype=torch.float64)
    return W.requires_grad_(), b.requires_grad_()


(W1, b1), (W2, b2) = [as_tensors(layer) for layer in net.layers]
X_t, y_t = torch.tensor(X_train, dtype=torch.float64), torch.tensor(y_train, dtype=torch.float64)
logits_t = (torch.relu(X_t @ W1.T + b1) @ W2.T + b2).squeeze(1)
F.binary_cross_entropy_with_logits(logits_t, y_t).backward()

logits_ours = torch.tensor([net(point)[0].data for point in X_train], dtype=torch.float64)
net.zero_grad()
mean_loss(net, X_train, y_train).backward()
grads_ours = []
for layer in net.layers:  # each layer's weight gradients, one row per neuron, then its bias gradients
    grads_ours.append(torch.tensor([[w.grad for w in n.w] for n in layer.neurons], dtype=torch.float64))
    grads_ours.append(torch.tensor([n.b.grad for n in layer.neurons], dtype=torch.float64))

tolerance = 1e-12
torch.testing.assert_close(logits_ours, logits_t.detach(), rtol=tolerance, atol=tolerance)
torch.testing.assert_close(grads_ours, [W1.grad, b1.grad, W2.grad, b2.grad], rtol=tolerance, atol=tolerance)
print(f"{'point':18}  {'ours':>9}  {'PyTorch':>9}")
for point, by_us, by_torch in list(zip(X_train, logits_ours, logits_t))[::5]:
    print(f"({point[0]:7.4f}, {point[1]:7.4f})  {by_us:9.6f}  {by_torch:9.6f}")
# --8<-- [end:torch_check]


# --8<-- [start:count]
deeper = MLP([2, 4, 4, 1], weights_generator)
deeper_count = len(deeper.parameters())
print(deeper_count)
# --8<-- [end:count]


# --8<-- [start:dead_relu]
unit = net.layers[0].neurons[0]  # the first hidden neuron of the trained network
trained_bias, dead_bias = unit.b.data, -10.0
unit.b.data = dead_bias  # now w · x + b < 0 at every training point
net.zero_grad()
mean_loss(net, X_train, y_train).backward()
print([f"{parameter.grad:.3g}" for parameter in unit.parameters()])
unit.b.data = trained_bias  # the trained network again
# --8<-- [end:dead_relu]

# --8<-- [start:alive_relu]
net.zero_grad()
mean_loss(net, X_train, y_train).backward()  # with the trained bias
print([f"{parameter.grad:.3g}" for parameter in unit.parameters()])
# --8<-- [end:alive_relu]


# --8<-- [start:tanh_unit]
def logit_with_tanh_unit(point):  # the same network, with tanh in place of relu in that one unit
    weighted = sum((w_i * x_i for w_i, x_i in zip(unit.w, point)), unit.b)
    hidden = [weighted.tanh()] + [neuron(point) for neuron in net.layers[0].neurons[1:]]
    return net.layers[1](hidden)[0]


unit.b.data = dead_bias
net.zero_grad()
tanh_loss = sum(log_loss(logit_with_tanh_unit(p).sigmoid(), label) for p, label in zip(X_train, y_train))
(tanh_loss * (1 / len(X_train))).backward()
print([f"{parameter.grad:.3g}" for parameter in unit.parameters()])
unit.b.data = trained_bias
# --8<-- [end:tanh_unit]


# --8<-- [start:twice_ours]
x = Value(3.5)
y = x * x
z = 2 * y + 3
z.backward()
single_grad, y_grad_once = x.grad, y.grad
z.backward()  # the same graph again
y_grad_twice = y.grad
print(x.grad)
# --8<-- [end:twice_ours]

# --8<-- [start:twice_retained]
x_t = torch.tensor(3.5, dtype=torch.float64, requires_grad=True)
z_t = 2 * (x_t * x_t) + 3
z_t.backward(retain_graph=True)
z_t.backward()
print(x_t.grad.item())
# --8<-- [end:twice_retained]

# --8<-- [start:twice_torch]
x_t = torch.tensor(3.5, dtype=torch.float64, requires_grad=True)
z_t = 2 * (x_t * x_t) + 3
z_t.backward()
try:
    z_t.backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:twice_torch]
