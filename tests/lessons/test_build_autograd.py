"""docs/build_autograd.md: the home-made engine agrees with closed-form derivatives and finite differences."""

import math
import re
import sys
from fractions import Fraction

import pytest
import torch

from lessonkit import Project, run_snippet
from lessonkit.figures.tracing import trace_values
from lessonkit.runner import run_sections
from lessonkit.sections import read_sections
from tests.lessons.values import check_every_operation

# Both the engine and the closed forms below compute in float64: a few units in the last place.
REL = 1e-12
FIRST = "build_autograd/first.py"
VALUE = "build_autograd/value.py"


def sigmoid(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def sections_until(target: str, last: str) -> dict:
    """A snippet's namespace after running its sections up to `last` afresh."""
    project = Project.here()
    path = project.snippet(target)
    return run_sections(read_sections(path, project.display(path)), until=last)[1]


@pytest.fixture(scope="module")
def first():
    return run_snippet(FIRST)


@pytest.fixture(scope="module")
def run():
    return run_snippet(VALUE)


# --- the first engine -------------------------------------------------------------------------------------------


def test_one_step_by_hand_gives_each_input_the_other_factor(first):
    u, v = first["u"], first["v"]
    assert (u.data, v.data) == (2.0, 5.0)
    assert (u.grad, v.grad) == (v.data, u.data)  # dc/du = v, dc/dv = u


def test_int_multiplication_declines_a_value_so_python_calls_rmul(first):
    Value = first["Value"]
    c = Value(10.0)
    assert int.__mul__(2, c) is NotImplemented
    product = 2 * c  # Python falls back on c.__rmul__(2)
    assert product.data == 20.0 and product._prev[0] is c and product._prev[1].data == 2


def test_warm_up_gradient_is_4x(first):
    x, y, z = first["x"], first["y"], first["z"]
    assert x.data == 3.5
    assert z.data == 2 * 3.5**2 + 3
    assert x.grad == 4 * 3.5
    assert y.grad == 2  # dz/dy
    assert first["per_arrow"] == 2 * 3.5  # each of the two arrows carries dz/dy · x


def test_warm_up_numbers_are_exact_in_binary_floating_point(first):
    """The page says `==` is safe there only because every number of the warm-up is exact."""
    x, y, z = first["x"], first["y"], first["z"]
    exact_x = Fraction(7, 2)
    assert Fraction(x.data) == exact_x
    assert Fraction(y.data) == exact_x**2
    assert Fraction(z.data) == 2 * exact_x**2 + 3
    assert Fraction(x.grad) == 4 * exact_x


def test_warm_up_graph_can_be_traced(first):
    """The figure walks _prev from z: z = (2 * y) + 3 and y = x * x, with x entering twice."""
    x, y, z = first["x"], first["y"], first["z"]
    assert z._op == "+" and z._local == (1.0, 1.0)
    product, three = z._prev
    assert product._op == "*" and three.data == 3 and three._prev == ()
    assert product._prev[0] is y and product._prev[1].data == 2
    assert product._local == (2.0, y.data)
    assert y._op == "*" and y._prev == (x, x) and y._local == (3.5, 3.5)
    assert x._op == "" and x._prev == () and x._local == ()


def test_topological_order_puts_inputs_first(first):
    order = first["order"]
    position = {id(node): index for index, node in enumerate(order)}
    assert len(position) == len(order) == 6  # x, y, 2, 2y, 3, z: each value once
    for node in order:
        assert all(position[id(child)] < position[id(node)] for child in node._prev)
    assert order[-1] is first["z"]


def test_walking_leaves_first_leaves_x_with_no_gradient(first):
    Value, order_of = first["Value"], first["topological_order"]
    x = Value(3.5)
    inner = x * x
    z = 2 * inner + 3
    z.grad = 1.0
    for node in order_of(z):  # leaves first, by hand
        for child, local in zip(node._prev, node._local, strict=True):
            child.grad += local * node.grad
    assert x.grad == 0.0 and inner.grad == 0.0
    assert z._prev[0].grad == 1.0  # 2y received the output's 1, after its own turn
    assert first["t"].grad == 4 * 3.5  # the last section walked backwards, as backward() does


def test_the_order_prediction_offers_different_outputs(first):
    assert first.outputs["leaves_first"].strip() == "0.0"
    assert first.outputs["outputs_first"].strip() == "14.0"


def test_pytorch_warm_up_agrees(first):
    assert first["x_t"].grad.item() == 14.0
    assert first["z_t"].item() == 27.5


def test_pytorch_graph_has_no_node_for_a_constant_and_saves_it_as_data():
    x = torch.tensor(3.5, dtype=torch.float64, requires_grad=True)
    z = 2 * (x * x) + 3
    plus = z.grad_fn
    times_two = plus.next_functions[0][0]
    assert type(plus).__name__ == "AddBackward0" and plus.next_functions[1][0] is None  # no node for 3
    assert type(times_two).__name__ == "MulBackward0" and times_two.next_functions[1][0] is None  # nor for 2
    assert times_two._saved_other.item() == 2  # the 2 it needs for y's gradient
    z.backward()
    assert x.grad.item() == 14.0


# --- the whole class ----------------------------------------------------------------------------------------------


def test_the_whole_class_runs_on_its_own():
    """The engine section alone, in a fresh namespace, is the whole engine: nothing depends on section order."""
    namespace = sections_until(VALUE, "engine")
    Value = namespace["Value"]
    for name in ("__add__", "__mul__", "__pow__", "__neg__", "__sub__", "__radd__", "__rmul__", "__rsub__"):
        assert name in vars(Value), name
    for name in ("exp", "log", "sin", "tanh", "sigmoid", "backward", "_backward"):
        assert name in vars(Value), name
    x = Value(3.5)
    z = 2 * (x * x) + 3
    z.backward()
    assert x.grad == 14.0


def test_no_section_assigns_methods_to_a_class_after_it():
    project = Project.here()
    for target in (FIRST, VALUE):
        source = project.snippet(target).read_text(encoding="utf-8")
        assert not re.search(r"^[A-Z]\w*\.\w+\s*=", source, re.MULTILINE), target


def test_cube_gradient_is_3x_squared(run):
    at = run["cube_at"]
    assert run["cube_ours"] == run["cube_torch"] == [3 * at**2]


def test_chain_rule_q1_closed_form(run):
    a, b = run["q1_at"]
    expected = [2 * 2 + 3 * 10 * a, 2 * 3 + 3 * 9 * b**2]  # 64 and 249
    for got in (run["q1_ours"], run["q1_torch"]):
        assert got == pytest.approx(expected, rel=REL)
    assert expected[0] == 64


def test_sigmoid_neuron_gradient_is_slope_times_input(run):
    x = run["neuron_x"]
    w, b = run["neuron_at"]
    slope = sigmoid(w * x + b) * (1 - sigmoid(w * x + b))
    for got in (run["neuron_ours"], run["neuron_torch"]):
        assert got == pytest.approx([slope * x, slope], rel=REL)
    assert run["neuron_ours"][0] < 0.01  # nearly saturated: the page calls it small


def test_chain_rule_q4_closed_form(run):
    x = run["q4_at"]
    expected = -(2 * x + 2 + math.cos(x)) * math.exp(-(x * x + 2 * x + math.sin(x)))
    assert run["q4_ours"] == pytest.approx([expected], rel=REL)
    assert run["q4_torch"] == pytest.approx([expected], rel=REL)


def test_polynomial_closed_form(run):
    x = run["q5_at"]
    expected = 6 + 14 * x + 9 * x**2 + 32 * x**3
    assert expected == 326
    assert run["q5_ours"] == pytest.approx([expected], rel=REL)
    assert run["q5_torch"] == pytest.approx([expected], rel=REL)


def test_division_as_a_power_on_chain_rule_q6(run):
    x, y, z = run["q6_at"]
    d = 2 * x / math.sin(y) * z
    df_dc = (1 - math.tanh(math.log(d + 1)) ** 2) / (d + 1) * z
    df_dc_times_c = df_dc * 2 * x / math.sin(y)  # df/dz = df/dd · c
    expected = [df_dc * 2 / math.sin(y), df_dc * (-2 * x / math.sin(y) ** 2) * math.cos(y), df_dc_times_c / z]
    assert run["q6_ours"] == pytest.approx(expected, rel=REL)
    assert run["q6_torch"] == pytest.approx(expected, rel=REL)


def test_power_minus_one_has_local_derivative_minus_b_to_the_minus_two(run):
    b = run["Value"](0.8)
    out = 2 * b**-1
    assert out.data == pytest.approx(2 / 0.8, rel=REL)
    out.backward()
    assert b.grad == pytest.approx(-2 / 0.8**2, rel=REL)


def test_assigning_loses_one_path_and_adding_keeps_both(run):
    at = run["at"]
    assert run["assigned_grad"] == at  # one path of d(v·v)/dv = v + v
    assert run["accumulated_grad"] == 2 * at
    assert run["square_grad"] == 2 * at  # what the notebook's check of the fix expects
    assert run["square_ours"] == run["square_torch"] == [2 * at]
    assert run.outputs["assigned"].splitlines()[0].endswith(f": {run['scale']:g}")  # d(3u)/du is right


def test_assigning_agrees_with_adding_when_every_value_is_used_once():
    hurried = sections_until(VALUE, "assigned")
    Hurried, Value = hurried["HurriedValue"], hurried["Value"]
    results = []
    for kind in (Hurried, Value):
        a, b, c = kind(0.5), kind(-1.5), kind(2.0)
        ((a * 3 + 1) * (b * c)).backward()  # every value used once: a tree
        results.append((a.grad, b.grad, c.grad))
    assert results[0] == results[1]
    assert results[1] == (3 * -1.5 * 2.0, (0.5 * 3 + 1) * 2.0, (0.5 * 3 + 1) * -1.5)
    v = Hurried(3.0)
    (v * v).backward()  # used twice: the bug shows
    assert v.grad == 3.0


def test_the_tracer_reads_the_local_derivatives_each_value_stores():
    """trace_values on a product whose class overrides _backward: it read a closure before, and raised KeyError."""
    hurried = sections_until(VALUE, "assigned")
    v = hurried["HurriedValue"](3.0)
    square = v * v
    square.backward()
    graph = trace_values(square, {"v": v, "square": square})
    assert [(edge.source.name, edge.target.name, edge.grad.item()) for edge in graph.edges] == [
        ("v", "×", 3.0),
        ("v", "×", 3.0),
        ("×", "square", 1.0),
    ]
    (leaf,) = graph.leaves()
    assert leaf.grad.item() == 3.0  # what the hurried multiplication left in v.grad


def test_every_operation_against_finite_differences(run):
    """An expression the page never shows, using every operation, differentiated by the engine."""
    check_every_operation(run["Value"], REL)


def test_power_needs_a_to_the_k_minus_1_to_exist(run):
    Value = run["Value"]
    square = Value(0.0) ** 2  # whole k ≥ 1: any a, 0 included
    square.backward()
    assert square._local == (0.0,)
    for k in (0, -1):  # whole k ≤ 0: 0 ** (k − 1) divides by zero
        with pytest.raises(ZeroDivisionError):
            Value(0.0) ** k
    assert (Value(2.0) ** 0)._local == (0.0,)
    with pytest.raises(TypeError):  # a fraction k: a negative a gives a complex number, not a float
        Value(-8.0) ** (1 / 3)
    assert (Value(8.0) ** (1 / 3))._local[0] == pytest.approx(1 / 12, rel=REL)


def test_log_needs_a_positive_input(run):
    with pytest.raises(ValueError):
        run["Value"](0.0).log()


def test_python_floats_are_float64_and_torch_defaults_to_float32():
    """Why the page asks PyTorch for float64: our Values hold Python floats."""
    assert sys.float_info.mant_dig == 53 and sys.float_info.epsilon == torch.finfo(torch.float64).eps
    assert torch.tensor(3.5).dtype == torch.float32
    assert torch.tensor(0.1, dtype=torch.float64).item() == 0.1 != torch.tensor(0.1).item()
