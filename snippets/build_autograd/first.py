# A first autograd engine: a number that records how it was made, and a backward pass over that record.

# --8<-- [start:value]
class Value:
    """A number that remembers how it was computed, and collects its gradient."""

    def __init__(self, data, children=(), local=(), op=""):
        self.data = float(data)
        self.grad = 0.0  # d(output)/d(self), filled in by the backward pass
        self._prev = tuple(children)  # the Values this one was computed from ...
        self._local = tuple(local)  # ... and d(self)/d(child) for each of them
        self._op = op  # the operation that made it: "+" or "*"; "" for a leaf

    def __repr__(self):  # how print() shows a Value
        return f"Value(data={self.data:g}, grad={self.grad:g})"

    def __add__(self, other):  # self + other
        other = other if isinstance(other, Value) else Value(other)  # wrap a plain number
        return Value(self.data + other.data, (self, other), (1.0, 1.0), "+")

    def __mul__(self, other):  # self * other
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data), "*")

    __radd__ = __add__  # number + Value: addition gives the same either way round
    __rmul__ = __mul__  # number * Value


u, v = Value(2.0), Value(5.0)
c = u * v
print("c =", c)
print("made by", repr(c._op), "from", c._prev, "with local derivatives", c._local)
print("int's own * answers:", int.__mul__(2, c), "so Python calls c.__rmul__:", 2 * c)
# --8<-- [end:value]


# --8<-- [start:by_hand]
c.grad = 1.0  # as if c were the output: dc/dc = 1
for child, local in zip(c._prev, c._local):  # the chain rule, for this one operation
    child.grad += local * c.grad
print("u =", u)
print("v =", v)
# --8<-- [end:by_hand]


# --8<-- [start:backward]
def topological_order(root):
    """Every Value that `root` was computed from, each one after all of its inputs."""
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for child in node._prev:
                visit(child)  # first everything this node was computed from ...
            order.append(node)  # ... then the node itself

    visit(root)
    return order


def backward(output):
    output.grad = 1.0  # d(output)/d(output)
    for node in reversed(topological_order(output)):  # from the output down to the leaves
        for child, local in zip(node._prev, node._local):
            child.grad += local * node.grad


# --8<-- [end:backward]

# --8<-- [start:warm_up]
x = Value(3.5)
y = x * x  # the inner function
z = 2 * y + 3  # the outer function
backward(z)

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


# --8<-- [start:leaves_first]
def backward_leaves_first(output):  # backward() without the reversed()
    output.grad = 1.0
    for node in topological_order(output):
        for child, local in zip(node._prev, node._local):
            child.grad += local * node.grad


t = Value(x.data)
backward_leaves_first(2 * (t * t) + 3)
print(t.grad)
# --8<-- [end:leaves_first]

# --8<-- [start:outputs_first]
t = Value(x.data)
backward(2 * (t * t) + 3)
print(t.grad)
# --8<-- [end:outputs_first]

# --8<-- [start:torch_forward]
import torch

# Python floats are float64, so PyTorch is asked to compute in float64 too.
x_t = torch.tensor(3.5, dtype=torch.float64, requires_grad=True)
y_t = x_t * x_t
z_t = 2 * y_t + 3
# --8<-- [end:torch_forward]

# --8<-- [start:torch_backward]
product = z_t.grad_fn.next_functions[0][0]  # the node of 2 * y_t
print("its inputs:", [type(node).__name__ if node else None for node, _ in product.next_functions])
print("what it saved for backward:", product._saved_other)

z_t.backward()
print("ours:    dz/dx =", x.grad)
print("PyTorch: dz/dx =", x_t.grad.item())
torch.testing.assert_close(x.grad, x_t.grad.item())
# --8<-- [end:torch_backward]
