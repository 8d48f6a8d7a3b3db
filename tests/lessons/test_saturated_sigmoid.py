"""docs/saturated_sigmoid.md: a saturated float32 sigmoid, against the sigmoid and its losses worked out in float64."""

import math

import pytest

from lessonkit import run_snippet

BELOW_ONE = 2.0**-24  # the float32 gap just below 1


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def softplus(z: float) -> float:
    """log(1 + e^z): the binary cross-entropy of logit z when the label is 0."""
    return math.log1p(math.exp(z))


@pytest.fixture(scope="module")
def confident():
    return run_snippet("saturated_sigmoid/confident.py")


def test_the_example(confident):
    assert confident["z"].item() == 20.0 and confident["y"].item() == 0.0
    assert confident["EPSILON"] == 1e-8


def test_the_upper_bound_of_the_clamp_rounds_to_one(confident):
    assert confident["upper_bound"].item() == 1.0
    assert confident["gap_below_one"] == BELOW_ONE
    assert BELOW_ONE / 2 > 1e-8  # why 1 − 1e-8 rounds to 1
    assert confident["y_hat"].item() == 1.0


def test_a_confident_mistake(confident):
    assert math.isinf(confident["loss_ours"].item())
    assert math.isnan(confident["slope_ours"].item())
    assert confident["loss_bce"].item() == 100.0  # PyTorch clamps each log at −100
    assert confident["slope_bce"].item() == 0.0
    assert confident["loss_logits"].item() == pytest.approx(softplus(20.0), rel=1e-6)
    assert confident["slope_logits"].item() == pytest.approx(sigmoid(20.0), rel=1e-6)
    assert confident["loss_exact"] == pytest.approx(20.0 + math.exp(-20.0), rel=1e-15)


def test_the_zero_gradient_comes_from_the_saturated_sigmoid(confident):
    # σ(20) = 1 − 2.1e-9 is nearer 1 than the float32 below 1 (1 − 2^-24): it rounds to 1.
    assert 1 - sigmoid(20.0) < BELOW_ONE / 2
    assert confident["y_hat"].item() == 1.0
    # The sigmoid's slope ŷ(1 − ŷ) is then exactly 0 ...
    assert confident["sigmoid_slope"].item() == 0.0
    # ... while BCE's own dL/dŷ = (ŷ − y)/(ŷ(1 − ŷ)) is finite and huge: PyTorch floors the
    # denominator at 1e-12, so at ŷ = 1, y = 0 it is 1e12 (to float32 precision).
    assert confident["bce_slope"].item() == pytest.approx(1e12, rel=1e-6)
    assert (confident["bce_slope"] * confident["sigmoid_slope"]).item() == 0.0
    assert confident["sigmoid_slope_exact"] == pytest.approx(sigmoid(20.0) * (1 - sigmoid(20.0)), rel=1e-6)


def test_exercise_1_the_clamp_floor():
    run = run_snippet("saturated_sigmoid/clamp_floor.py")
    assert run["y_hat"].item() == pytest.approx(sigmoid(-20.0), rel=1e-5)
    assert run["loss_clamped"].item() == pytest.approx(-math.log(1e-8), rel=1e-6)
    assert run["slope_clamped"].item() == 0.0
    assert run["loss_logits"].item() == pytest.approx(softplus(20.0), rel=1e-6)
    assert run["slope_logits"].item() == pytest.approx(sigmoid(-20.0) - 1, rel=1e-6)
