"""docs/chain_rule.md: every gradient agrees with the derivative worked out independently here."""

import math
from collections import Counter

import pytest
import torch

from lessonkit import run_snippet
from tests.lessons.figures import figure, node


def sigmoid(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def test_warm_up_z_is_2x_squared_plus_3():
    run = run_snippet("chain_rule/warm_up.py")
    assert run["z"].item() == pytest.approx(2 * 3.5**2 + 3)  # 27.5
    torch.testing.assert_close(run["x"].grad, torch.tensor(14.0))  # dz/dx = 4x
    assert run["dz_dx"] == pytest.approx(14.0)


def test_the_hook_on_x_fires_once_with_the_sum_of_both_paths():
    run = run_snippet("chain_rule/warm_up.py")
    received = run["received"]
    assert len(received) == 1  # one call, not one per arrow out of x
    torch.testing.assert_close(received[0], torch.tensor(4 * 3.5))  # dz/dx = 4x
    assert run["per_arrow"] == pytest.approx(2 * 3.5)  # dz/dy · x along each arrow: half the sum
    torch.testing.assert_close(run["x"].grad, received[0])
    assert run.outputs["hook"].count("the hook on x receives") == 1


def test_q1_sums_both_paths():
    run = run_snippet("chain_rule/q1.py")
    torch.testing.assert_close(run["a"].grad, torch.tensor(64.0))  # 2·2 + 3·10a at a = 2
    assert run["dz_da"] == pytest.approx(64.0)


def test_q2_relu_passes_x_through():
    run = run_snippet("chain_rule/q2.py")
    torch.testing.assert_close(run["w"].grad, torch.tensor(3.0))
    assert run["da_dw"] == pytest.approx(3.0)


def test_q3_sigmoid_gradient_is_small_when_saturated():
    run = run_snippet("chain_rule/q3.py")
    expected = sigmoid(7.0) * (1 - sigmoid(7.0)) * 2.0
    # 1 − σ(7) ≈ 0.0009 cancels in float32, leaving about four significant digits.
    assert run["w"].grad.item() == pytest.approx(expected, rel=1e-4)
    assert run["w"].grad.item() == pytest.approx(0.0018, abs=5e-5)


def test_q4_exponential_of_three_paths():
    run = run_snippet("chain_rule/q4.py")
    x = 0.2
    expected = -(2 * x + 2 + math.cos(x)) * math.exp(-(x * x + 2 * x + math.sin(x)))
    assert run["x"].grad.item() == pytest.approx(expected, rel=1e-5)
    assert run["x"].grad.item() == pytest.approx(-1.7847, abs=5e-5)


def test_q5_power_rule_term_by_term():
    run = run_snippet("chain_rule/q5.py")
    torch.testing.assert_close(run["x"].grad, torch.tensor(326.0))
    assert run["terms"] == pytest.approx([6, 14 * 2, 9 * 2**2, 32 * 2**3])  # n·c·x^(n−1) for each term c·x^n
    assert run["df_dx"] == pytest.approx(6 + 14 * 2 + 9 * 4 + 32 * 8)


def test_q6_each_partial_matches_its_own_gradient():
    run = run_snippet("chain_rule/q6.py")
    x, y, z = 1.0, 2.0, 1.0
    d = 2 * x / math.sin(y) * z
    df_dc = (1 - math.tanh(math.log(d + 1)) ** 2) / (d + 1) * z
    expected_dx = df_dc * 2 / math.sin(y)
    expected_dy = df_dc * (-2 * x / math.sin(y) ** 2) * math.cos(y)
    assert run["x"].grad.item() == pytest.approx(expected_dx, rel=1e-5)  # 0.2229
    assert run["y"].grad.item() == pytest.approx(expected_dy, rel=1e-5)  # 0.1020
    assert run["x"].grad.item() == pytest.approx(0.2229, abs=5e-5)
    assert run["y"].grad.item() == pytest.approx(0.1020, abs=5e-5)


def test_q6_the_slip_is_reported_by_assert_close():
    printed = run_snippet("chain_rule/q6.py").outputs["the_slip"]
    assert printed.startswith("Scalars are not close!")


# --- the figures: graphs of what autograd really recorded ---------------------------------


def test_warm_up_graph_x_feeds_one_multiplication_twice():
    warm_up = figure("chain_rule", "warm_up_graph").data["graph"]  # y = x * x; z = 2 * y + 3
    assert warm_up.links() == Counter(
        {
            ("x", "MulBackward0"): 2,
            ("MulBackward0", "MulBackward0"): 1,
            ("MulBackward0", "AddBackward0"): 1,
            ("AddBackward0", "z"): 1,
        }
    )
    square, double, add = warm_up.operations()
    assert (square.output, square.step, double.step, add.step) == ("y", 3, 2, 1)
    # Each of the two arrows out of x carries dz/dy · x = 2 · 3.5; x.grad is their sum.
    assert [edge.grad.item() for edge in warm_up.edges if edge.source.name == "x"] == [7.0, 7.0]
    torch.testing.assert_close(node(warm_up, "x").grad, run_snippet("chain_rule/warm_up.py")["x"].grad)


def test_q6_graph_forks_at_the_division_and_matches_the_lesson():
    q6 = figure("chain_rule", "q6_graph").data["graph"]
    assert q6.links() == Counter(
        {
            ("x", "MulBackward0"): 1,
            ("y", "SinBackward0"): 1,
            ("MulBackward0", "DivBackward0"): 1,
            ("SinBackward0", "DivBackward0"): 1,
            ("DivBackward0", "MulBackward0"): 1,
            ("z", "MulBackward0"): 1,
            ("MulBackward0", "AddBackward0"): 1,
            ("AddBackward0", "LogBackward0"): 1,
            ("LogBackward0", "TanhBackward0"): 1,
            ("TanhBackward0", "f"): 1,
        }
    )
    lesson = run_snippet("chain_rule/q6.py")
    for leaf in "xyz":
        torch.testing.assert_close(node(q6, leaf).grad, lesson[leaf].grad)
