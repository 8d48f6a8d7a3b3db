"""One check of a scalar engine's `Value` class, for each lesson that builds one (build_autograd, engine_network):
an expression using every operation of the class, differentiated by the engine and by central differences."""

import math

import pytest


def sigmoid(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def with_values(a, b):
    """Every operation of the class, numbers on either side included, on two Values."""
    return (1 + (a * b).sigmoid() + (a - b) ** 3 - (2 - a).tanh() + (b * a**-1).log() + (-a).exp() * b.sin()) * 0.5


def with_floats(a: float, b: float) -> float:
    return (1 + sigmoid(a * b) + (a - b) ** 3 - math.tanh(2 - a) + math.log(b / a) + math.exp(-a) * math.sin(b)) * 0.5


def central_difference(f, point, index, h=1e-6):
    """∂f/∂point[index] by the central difference quotient, in float64 plain arithmetic."""
    up, down = list(point), list(point)
    up[index] += h
    down[index] -= h
    return (f(*up) - f(*down)) / (2 * h)


def check_every_operation(Value, rel: float) -> None:
    """The engine's value and gradient of `with_values` against plain floats and central differences."""
    point = (0.7, 1.9)
    leaves = [Value(number) for number in point]
    out = with_values(*leaves)
    assert out.data == pytest.approx(with_floats(*point), rel=rel)
    out.backward()
    for index, leaf in enumerate(leaves):
        # The central difference's own error is about h² times the third derivative: 1e-9 is ample.
        assert leaf.grad == pytest.approx(central_difference(with_floats, point, index), rel=1e-7)
    assert repr(leaves[0]) == f"Value(data={point[0]:g}, grad={leaves[0].grad:g})"  # what print() shows
