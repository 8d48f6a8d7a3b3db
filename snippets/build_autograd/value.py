# A scalar autograd engine, built one operation at a time and checked against PyTorch on the course's own examples.

# --8<-- [start:value]
import math


class Value:
    """A number that remembers how it was computed, and collects its gradient."""

    def __init__(self, data, children=(), op=""):
        self.data = float(data)
        self.grad = 0.0  # d(output)/d(self), filled in by backward()
        self._prev = tuple(children)  # the Values this one was computed from
        self._op = op  # the operation that made it: "+", "*", "exp", ...
        self._backward = lambda: None  # a leaf has nobody to pass its gradient to

    def __repr__(self):
        return f"Value(data={self.data:g}, grad={self.grad:g})"


print(Value(3.5))
# --8<-- [end:value]


# --8<-- [start:result]
def as_value(number):
    """Wrap a plain number, so that 2 * y and y + 3 work."""
    return number if isinstance(number, Value) else Value(number)


def result(data, op, *inputs):
    """A new Value made by `op` from `inputs`: (input, local derivative) pairs."""
    out = Value(data, [child for child, _ in inputs], op)

    def _backward():  # the chain rule, for this one operation
        for child, local in inputs:
            child.grad += local * out.grad

    out._backward = _backward
    return out


# c = a·b by hand: its local derivatives are b with respect to a, and a with respect to b.
a, b = Value(2.0), Value(5.0)
c = result(a.data * b.data, "*", (a, b.data), (b, a.data))
c.grad = 1.0  # as if c were the output
c._backward()
print("a =", a)
print("b =", b)
# --8<-- [end:result]


# --8<-- [start:add_and_multiply]
def add(a, b):
    b = as_value(b)
    return result(a.data + b.data, "+", (a, 1.0), (b, 1.0))


def multiply(a, b):
    b = as_value(b)
    return result(a.data * b.data, "*", (a, b.data), (b, a.data))


Value.__add__ = Value.__radd__ = add  # y + 3 and 3 + y
Value.__mul__ = Value.__rmul__ = multiply  # y * 2 and 2 * y
# --8<-- [end:add_and_multiply]


# --8<-- [start:backward]
def topological_order(root):
    """Every Value that `root` was computed from, each one after its children."""
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for child in node._prev:
                visit(child)
            order.append(node)

    visit(root)
    return order


def backward(self):
    self.grad = 1.0  # d(self)/d(self)
    for node in reversed(topological_order(self)):  # from the output down to the leaves
        node._backward()


Value.backward = backward
# --8<-- [end:backward]

# --8<-- [start:warm_up]
x = Value(3.5)
y = x * x  # the inner function
z = 2 * y + 3  # the outer function
z.backward()

print("z =", z)
print("x =", x)
assert x.grad == 4 * x.data  # dz/dx = 4x, by hand
# --8<-- [end:warm_up]

# --8<-- [start:graph]
order = topological_order(z)
print(" #  op    inputs   data   grad")
for number, node in enumerate(order):
    inputs = ", ".join(str(order.index(child)) for child in node._prev)
    print(f"{number:2}  {node._op or 'leaf':5} {inputs:8} {node.data:<6g} {node.grad:g}")

per_arrow = y.grad * x.data  # what each of the two arrows from x into y = x * x sends back
print(f"each arrow from x into y sends back {y.grad:g} × {x.data:g} = {per_arrow:g}")
# --8<-- [end:graph]

# --8<-- [start:torch_forward]
import torch

# Python floats are float64, so PyTorch computes in float64 too.
x_t = torch.tensor(3.5, dtype=torch.float64, requires_grad=True)
y_t = x_t * x_t
z_t = 2 * y_t + 3
# --8<-- [end:torch_forward]

# --8<-- [start:torch_backward]
z_t.backward()
print("ours:    dz/dx =", x.grad)
print("PyTorch: dz/dx =", x_t.grad.item())
torch.testing.assert_close(x.grad, x_t.grad.item())
# --8<-- [end:torch_backward]


# --8<-- [start:more_operations]
def power(a, n):  # n is a plain number
    return result(a.data**n, f"**{n}", (a, n * a.data ** (n - 1)))


def negate(a):
    return a * -1


def subtract(a, b):
    return a + -as_value(b)


def subtract_from(a, b):  # b - a, for 1 - y_hat
    return as_value(b) + -a


Value.__pow__ = power
Value.__neg__ = negate
Value.__sub__ = subtract
Value.__rsub__ = subtract_from
# --8<-- [end:more_operations]


# --8<-- [start:functions]
def exp(a):
    e = math.exp(a.data)
    return result(e, "exp", (a, e))  # exp is its own derivative


def log(a):
    return result(math.log(a.data), "log", (a, 1 / a.data))


def sin(a):
    return result(math.sin(a.data), "sin", (a, math.cos(a.data)))


def tanh(a):
    t = math.tanh(a.data)
    return result(t, "tanh", (a, 1 - t * t))


def sigmoid(a):
    s = 1 / (1 + math.exp(-a.data))
    return result(s, "sigmoid", (a, s * (1 - s)))


# The same names as PyTorch's tensor methods: x.exp(), x.sin(), ...
Value.exp, Value.log, Value.sin, Value.tanh, Value.sigmoid = exp, log, sin, tanh, sigmoid
# --8<-- [end:functions]


# --8<-- [start:compare]
def gradients(f, *point):
    """The gradient of f at `point`, by our Values and by PyTorch in float64."""
    ours = [Value(number) for number in point]
    f(*ours).backward()
    leaves = [torch.tensor(number, dtype=torch.float64, requires_grad=True) for number in point]
    f(*leaves).backward()
    return [leaf.grad for leaf in ours], [leaf.grad.item() for leaf in leaves]


def show(numbers):
    return ", ".join(f"{number:.10g}" for number in numbers)


cube_ours, cube_torch = gradients(lambda x: x**3, 2.0)  # 3x² = 12 at x = 2
print("d(x³)/dx at x = 2:", show(cube_ours), "and", show(cube_torch))
# --8<-- [end:compare]


# --8<-- [start:chain_rule_q1]
def chain_rule_q1(a, b):
    x = 2 * a + 3 * b
    y = 5 * a**2 + 3 * b**3
    return 2 * x + 3 * y


q1_at = (2.0, 3.0)  # a, b
q1_ours, q1_torch = gradients(chain_rule_q1, *q1_at)
print("ours:    dz/da, dz/db =", show(q1_ours))
print("PyTorch: dz/da, dz/db =", show(q1_torch))
torch.testing.assert_close(q1_ours, q1_torch)
# --8<-- [end:chain_rule_q1]


# --8<-- [start:chain_rule_q4]
def chain_rule_q4(x):
    return (-(x**2 + 2 * x + x.sin())).exp()


q4_at = 0.2
q4_ours, q4_torch = gradients(chain_rule_q4, q4_at)
print("ours:    df/dx =", show(q4_ours))
print("PyTorch: df/dx =", show(q4_torch))
torch.testing.assert_close(q4_ours, q4_torch)
# --8<-- [end:chain_rule_q4]


# --8<-- [start:chain_rule_q5]
def chain_rule_q5(x):
    return 6 * x + 7 * x**2 + 3 * x**3 + 8 * x**4 + 3


q5_at = 2.0
q5_ours, q5_torch = gradients(chain_rule_q5, q5_at)
print("ours:    df/dx =", show(q5_ours))
print("PyTorch: df/dx =", show(q5_torch))
torch.testing.assert_close(q5_ours, q5_torch)
# --8<-- [end:chain_rule_q5]


# --8<-- [start:neuron]
neuron_x, neuron_y = 6.7, 0.0  # the example and its label
neuron_at = (1.0, 0.0)  # w, b


def neuron_loss(w, b):
    y_hat = (w * neuron_x + b).sigmoid()
    return -(neuron_y * y_hat.log() + (1 - neuron_y) * (1 - y_hat).log())


neuron_ours, neuron_torch = gradients(neuron_loss, *neuron_at)
print("ours:    dL/dw, dL/db =", show(neuron_ours))
print("PyTorch: dL/dw, dL/db =", show(neuron_torch))
torch.testing.assert_close(neuron_ours, neuron_torch)
# --8<-- [end:neuron]


# --8<-- [start:divide]
def divide(a, b):
    b = as_value(b)
    return result(a.data / b.data, "/", (a, 1 / b.data), (b, -a.data / b.data**2))


def divide_into(a, b):  # b / a
    return divide(as_value(b), a)


Value.__truediv__ = divide
Value.__rtruediv__ = divide_into


def chain_rule_q6(x, y, z):
    c = 2 * x / y.sin()
    return (c * z + 1).log().tanh()


q6_at = (1.0, 2.0, 1.0)  # x, y, z
q6_ours, q6_torch = gradients(chain_rule_q6, *q6_at)
print("ours:    df/dx, df/dy, df/dz =", show(q6_ours))
print("PyTorch: df/dx, df/dy, df/dz =", show(q6_torch))
torch.testing.assert_close(q6_ours, q6_torch)
# --8<-- [end:divide]


# --8<-- [start:assigned]
def hurried_multiply(a, b):  # typed from memory, without the helper
    b = as_value(b)
    out = Value(a.data * b.data, (a, b), "*")

    def _backward():
        a.grad = b.data * out.grad
        b.grad = a.data * out.grad

    out._backward = _backward
    return out


Value.__mul__ = Value.__rmul__ = hurried_multiply

at = 3.0
u = Value(at)
(3 * u).backward()
print("d(3u)/du at u = 3:", u.grad, "  by hand:", 3.0)
v = Value(at)
(v * v).backward()
square_grad = assigned_grad = v.grad  # square_grad: what the multiplication in use gives (the notebook checks it)
print("d(v·v)/dv at v = 3:", assigned_grad, "  by hand:", 2 * at)
# --8<-- [end:assigned]


# --8<-- [start:accumulated]
def careful_multiply(a, b):
    b = as_value(b)
    out = Value(a.data * b.data, (a, b), "*")

    def _backward():
        a.grad += b.data * out.grad  # add: each path contributes its share
        b.grad += a.data * out.grad

    out._backward = _backward
    return out


Value.__mul__ = Value.__rmul__ = careful_multiply

v = Value(at)
(v * v).backward()
square_grad = accumulated_grad = v.grad
print("d(v·v)/dv at v = 3:", accumulated_grad)

square_ours, square_torch = gradients(lambda v: v * v, at)
torch.testing.assert_close(square_ours, square_torch)
# --8<-- [end:accumulated]
