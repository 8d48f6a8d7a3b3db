"""docs/chain_rule.md: every gradient agrees with the derivative worked out independently here."""

import math

import pytest
import torch

from lessonkit import run_snippet


def sigmoid(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def test_warm_up_z_is_2x_squared_plus_3():
    run = run_snippet("chain_rule/warm_up.py")
    assert run["z"].item() == pytest.approx(2 * 3.5**2 + 3)  # 27.5
    torch.testing.assert_close(run["x"].grad, torch.tensor(14.0))  # dz/dx = 4x
    assert run["dz_dx"] == pytest.approx(14.0)


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
