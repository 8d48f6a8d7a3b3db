"""docs/build_autograd.md: the home-made engine agrees with closed-form derivatives and finite differences."""

import math

import pytest

from lessonkit import run_snippet

# Both the engine and the closed forms below compute in float64: a few units in the last place.
REL = 1e-12


def sigmoid(v: float) -> float:
    return 1 / (1 + math.exp(-v))


@pytest.fixture(scope="module")
def run():
    return run_snippet("build_autograd/value.py")


def test_warm_up_gradient_is_4x(run):
    x, y, z = run["x"], run["y"], run["z"]
    assert x.data == 3.5
    assert z.data == 2 * 3.5**2 + 3
    assert x.grad == 4 * 3.5
    assert y.grad == 2  # dz/dy
    assert run["per_arrow"] == 2 * 3.5  # each of the two arrows carries dz/dy · x


def test_warm_up_graph_can_be_traced(run):
    """The figure walks _prev from z: z = (2 * y) + 3 and y = x * x, with x entering twice."""
    x, y, z = run["x"], run["y"], run["z"]
    assert z._op == "+"
    product, three = z._prev
    assert product._op == "*" and three.data == 3 and three._prev == ()
    assert product._prev[0] is y and product._prev[1].data == 2
    assert y._op == "*" and y._prev == (x, x)
    assert x._op == "" and x._prev == ()


def test_topological_order_puts_inputs_first(run):
    order = run["order"]
    position = {id(node): index for index, node in enumerate(order)}
    assert len(position) == len(order) == 6  # x, y, 2, 2y, 3, z: each value once
    for node in order:
        assert all(position[id(child)] < position[id(node)] for child in node._prev)
    assert order[-1] is run["z"]


def test_pytorch_warm_up_agrees(run):
    assert run["x_t"].grad.item() == 14.0
    assert run["z_t"].item() == 27.5


def test_chain_rule_q1_closed_form(run):
    a, b = run["q1_at"]
    expected = [2 * 2 + 3 * 10 * a, 2 * 3 + 3 * 9 * b**2]  # 64 and 249
    for got in (run["q1_ours"], run["q1_torch"]):
        assert got == pytest.approx(expected, rel=REL)
    assert expected[0] == 64


def test_chain_rule_q4_closed_form(run):
    x = run["q4_at"]
    expected = -(2 * x + 2 + math.cos(x)) * math.exp(-(x * x + 2 * x + math.sin(x)))
    assert run["q4_ours"] == pytest.approx([expected], rel=REL)
    assert run["q4_torch"] == pytest.approx([expected], rel=REL)


def test_chain_rule_q5_closed_form(run):
    x = run["q5_at"]
    expected = 6 + 14 * x + 9 * x**2 + 32 * x**3
    assert expected == 326
    assert run["q5_ours"] == pytest.approx([expected], rel=REL)
    assert run["q5_torch"] == pytest.approx([expected], rel=REL)


def test_neuron_gradient_is_prediction_error(run):
    x, label = run["neuron_x"], run["neuron_y"]
    w, b = run["neuron_at"]
    error = sigmoid(w * x + b) - label  # dL/dz for binary cross-entropy after a sigmoid
    assert run["neuron_ours"] == pytest.approx([error * x, error], rel=1e-10)
    assert run["neuron_torch"] == pytest.approx([error * x, error], rel=1e-10)
    # The clamp the page leaves out would not have bitten.
    assert 1e-8 < sigmoid(w * x + b) < 1 - 1e-8


def test_division_on_chain_rule_q6(run):
    x, y, z = run["q6_at"]
    d = 2 * x / math.sin(y) * z
    df_dc = (1 - math.tanh(math.log(d + 1)) ** 2) / (d + 1) * z
    df_dc_times_c = df_dc * 2 * x / math.sin(y)  # df/dz = df/dd · c
    expected = [df_dc * 2 / math.sin(y), df_dc * (-2 * x / math.sin(y) ** 2) * math.cos(y), df_dc_times_c / z]
    assert run["q6_ours"] == pytest.approx(expected, rel=REL)
    assert run["q6_torch"] == pytest.approx(expected, rel=REL)


def test_a_plain_number_divided_by_a_value(run):
    """Exercise 1 asks for `2 / b` as well as `a / b`: d(2/b)/db = −2/b²."""
    b = run["Value"](0.8)
    out = 2 / b
    assert out.data == pytest.approx(2 / 0.8, rel=REL)
    out.backward()
    assert b.grad == pytest.approx(-2 / 0.8**2, rel=REL)


def test_assigning_loses_one_path_and_adding_keeps_both(run):
    at = run["at"]
    assert run["assigned_grad"] == at  # one path of d(v·v)/dv = v + v
    assert run["accumulated_grad"] == 2 * at
    assert run["square_grad"] == 2 * at  # what the notebook's check of the fix expects
    assert run["square_ours"] == run["square_torch"] == [2 * at]


def central_difference(f, point, index, h=1e-6):
    """∂f/∂point[index] by the central difference quotient, in float64 plain arithmetic."""
    up, down = list(point), list(point)
    up[index] += h
    down[index] -= h
    return (f(*up) - f(*down)) / (2 * h)


def test_every_operation_against_finite_differences(run):
    """An expression the page never shows, using every operation, differentiated by the engine."""
    Value = run["Value"]

    def expression(a, b):
        return ((a * b).sigmoid() + (a - b) ** 3 - (2 - a).tanh() + (b / a).log() + (-a).exp() * b.sin()) / 3

    def plain(a, b):
        return (sigmoid(a * b) + (a - b) ** 3 - math.tanh(2 - a) + math.log(b / a) + math.exp(-a) * math.sin(b)) / 3

    point = (0.7, 1.9)
    leaves = [Value(number) for number in point]
    out = expression(*leaves)
    assert out.data == pytest.approx(plain(*point), rel=REL)
    out.backward()
    for index, leaf in enumerate(leaves):
        # The central difference's own error is about h² times the third derivative: 1e-9 is ample.
        assert leaf.grad == pytest.approx(central_difference(plain, point, index), rel=1e-7)
