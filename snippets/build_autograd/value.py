# The whole scalar autograd engine as one class, checked against PyTorch on the chain rule lesson's examples.

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


# --8<-- [start:compare]
import torch


def gradients(f, *point):
    """The gradient of f at `point`, by our Values and by PyTorch in float64."""
    ours = [Value(number) for number in point]
    f(*ours).backward()
    leaves = [torch.tensor(number, dtype=torch.float64, requires_grad=True) for number in point]
    f(*leaves).backward()
    return [leaf.grad for leaf in ours], [leaf.grad.item() for leaf in leaves]


def show(numbers):
    return ", ".join(f"{number:.10g}" for number in numbers)


power, cube_at = 3, 2.0
cube_ours, cube_torch = gradients(lambda x: x**power, cube_at)
print(f"d(x**{power})/dx at x = {cube_at:g}: ours {show(cube_ours)}, PyTorch's {show(cube_torch)}")
# --8<-- [end:compare]


# --8<-- [start:examples]
def two_paths(a, c):
    x = 2 * a + 3 * c
    y = 5 * a**2 + 3 * c**3
    return 2 * x + 3 * y


def sigmoid_neuron(w, b):
    return (w * neuron_x + b).sigmoid()


def three_paths(x):
    return (-(x**2 + 2 * x + x.sin())).exp()


def polynomial(x):
    return 6 * x + 7 * x**2 + 3 * x**3 + 8 * x**4 + 3


q1_at = (2.0, 3.0)  # a, c
neuron_x, neuron_at = 2.0, (3.0, 1.0)  # the input; w and b
q4_at = 0.2
q5_at = 2.0
q1_ours, q1_torch = gradients(two_paths, *q1_at)
neuron_ours, neuron_torch = gradients(sigmoid_neuron, *neuron_at)
q4_ours, q4_torch = gradients(three_paths, q4_at)
q5_ours, q5_torch = gradients(polynomial, q5_at)

print(f"{'example':16} {'ours':34} PyTorch")
for name, ours, theirs in [
    ("two paths", q1_ours, q1_torch),
    ("sigmoid neuron", neuron_ours, neuron_torch),
    ("three paths", q4_ours, q4_torch),
    ("polynomial", q5_ours, q5_torch),
]:
    print(f"{name:16} {show(ours):34} {show(theirs)}")
    torch.testing.assert_close(ours, theirs)
# --8<-- [end:examples]


# --8<-- [start:divide]
def long_chain(x, y, z):
    c = 2 * x * y.sin() ** -1  # a / b written as a · b⁻¹
    return (c * z + 1).log().tanh()


q6_at = (1.0, 2.0, 1.0)  # x, y, z
q6_ours, q6_torch = gradients(long_chain, *q6_at)
print("ours:    df/dx, df/dy, df/dz =", show(q6_ours))
print("PyTorch: df/dx, df/dy, df/dz =", show(q6_torch))
torch.testing.assert_close(q6_ours, q6_torch)
# --8<-- [end:divide]


# --8<-- [start:assigned]
class HurriedValue(Value):
    """A Value whose multiplication was typed again from memory."""

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return HurriedValue(self.data * other.data, (self, other), (other.data, self.data), "*")

    def _backward(self):
        for child, local in zip(self._prev, self._local):
            child.grad = local * self.grad


at, scale = 3.0, 3.0
u = HurriedValue(at)
(scale * u).backward()
print(f"d({scale:g}u)/du at u = {at:g}: {u.grad:g}")
v = HurriedValue(at)
(v * v).backward()
square_grad = assigned_grad = v.grad  # square_grad: what the multiplication in use gives (the notebook checks it)
print(f"d(v·v)/dv at v = {at:g}: {assigned_grad:g}")
# --8<-- [end:assigned]


# --8<-- [start:accumulated]
class HurriedValue(Value):
    """The same class, fixed: each path adds its share."""

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return HurriedValue(self.data * other.data, (self, other), (other.data, self.data), "*")

    def _backward(self):
        for child, local in zip(self._prev, self._local):
            child.grad += local * self.grad


v = HurriedValue(at)
(v * v).backward()
square_grad = accumulated_grad = v.grad
print(f"d(v·v)/dv at v = {at:g}: {accumulated_grad:g}")

square_ours, square_torch = gradients(lambda v: v * v, at)
torch.testing.assert_close(square_ours, square_torch)
# --8<-- [end:accumulated]
