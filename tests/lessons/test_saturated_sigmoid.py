"""docs/saturated_sigmoid.md: a saturated float32 sigmoid, against the sigmoid and its losses worked out in float64.

Each claim the page makes about what torch or float32 does is asserted here against torch
directly, not against the recording, so a torch upgrade that changes the behaviour fails the
test named after the claim.
"""

import math

import pytest
import torch
import torch.nn.functional as F

from lessonkit import run_snippet

BELOW_ONE = 2.0**-24  # the float32 gap just below 1
MARGIN = 1e-8


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def softplus(z: float) -> float:
    """log(1 + e^z): the binary cross-entropy of logit z when the label is 0."""
    return math.log1p(math.exp(z))


def clamped_bce(prediction, target):
    """The page's hand-written loss, written again here."""
    p = torch.clamp(prediction, MARGIN, 1 - MARGIN)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p))


def slope_of(loss_of_z, z: float, dtype=torch.float32) -> float:
    logit = torch.tensor(z, dtype=dtype, requires_grad=True)
    (slope,) = torch.autograd.grad(loss_of_z(logit), logit)
    return slope.item()


def logits_loss(label: float, dtype=torch.float32):
    return lambda z: F.binary_cross_entropy_with_logits(z, torch.tensor(label, dtype=dtype))


@pytest.fixture(scope="module")
def confident():
    return run_snippet("saturated_sigmoid/confident.py")


def test_the_example(confident):
    assert confident["z"].item() == 20.0 and confident["y"].item() == 0.0
    assert confident["margin"] == MARGIN


# --- the sigmoid saturates -------------------------------------------------------------------


def test_float32_sigmoid_of_twenty_is_exactly_one(confident):
    # σ(20) = 1 − 2.1e-9 is nearer 1 than the float32 below 1 (1 − 2^-24).
    assert 1 - sigmoid(20.0) < BELOW_ONE / 2
    assert torch.sigmoid(torch.tensor(20.0)).item() == 1.0
    assert confident["y_hat"].item() == 1.0
    assert confident["below_one_by"] == pytest.approx(1 - sigmoid(20.0), rel=1e-6)
    assert confident["gap_below_one"] == BELOW_ONE


def test_float32_sigmoid_slope_at_twenty_is_exactly_zero(confident):
    assert slope_of(torch.sigmoid, 20.0) == 0.0
    assert confident["sigmoid_slope"].item() == 0.0
    # In float64 it is small, not zero.
    assert slope_of(torch.sigmoid, 20.0, torch.float64) == pytest.approx(sigmoid(20.0) * (1 - sigmoid(20.0)))
    assert confident["sigmoid_slope_exact"] == pytest.approx(sigmoid(20.0) * (1 - sigmoid(20.0)), rel=1e-6)


def test_the_three_losses_at_a_confident_mistake(confident):
    assert math.isinf(confident["loss_ours"].item())
    assert math.isnan(confident["slope_ours"].item())
    assert confident["loss_bce"].item() == 100.0
    assert confident["slope_bce"].item() == 0.0
    assert confident["loss_logits"].item() == pytest.approx(softplus(20.0), rel=1e-6)
    assert confident["slope_logits"].item() == 1.0  # the float32 nearest σ(20)
    assert confident["loss_exact"] == pytest.approx(20.0 + math.exp(-20.0), rel=1e-15)


def test_binary_cross_entropy_clamps_each_log_at_minus_100():
    y_hat = torch.tensor(1.0)
    assert F.binary_cross_entropy(y_hat, torch.tensor(0.0)).item() == 100.0
    assert F.binary_cross_entropy(torch.tensor(0.0), torch.tensor(1.0)).item() == 100.0


# --- which factor is zero --------------------------------------------------------------------


def test_binary_cross_entropy_floors_its_denominator(confident):
    # dL/dŷ = (ŷ − y) / max(ŷ(1 − ŷ), floor); at ŷ = 1, y = 0 the floor is all that is left.
    leaf = torch.tensor(1.0, requires_grad=True)
    (slope,) = torch.autograd.grad(F.binary_cross_entropy(leaf, torch.tensor(0.0)), leaf)
    assert math.isfinite(slope.item())
    assert 1 / slope.item() == pytest.approx(1e-12, rel=1e-6)
    assert confident["bce_slope"].item() == slope.item()
    assert confident["floor"] == pytest.approx(1e-12, rel=1e-6)


def test_finite_loss_slope_times_saturated_sigmoid_is_zero():
    assert slope_of(lambda z: F.binary_cross_entropy(torch.sigmoid(z), torch.tensor(0.0)), 20.0) == 0.0


def test_infinite_loss_slope_times_saturated_sigmoid_is_nan(confident):
    leaf = torch.tensor(1.0, requires_grad=True)
    (slope,) = torch.autograd.grad(clamped_bce(leaf, torch.tensor(0.0)), leaf)
    assert slope.item() == math.inf
    assert math.isnan(slope_of(lambda z: clamped_bce(torch.sigmoid(z), torch.tensor(0.0)), 20.0))
    assert confident["ours_slope"].item() == math.inf
    assert math.isnan((confident["ours_slope"] * confident["sigmoid_slope"]).item())


# --- the logits form -------------------------------------------------------------------------


@pytest.mark.parametrize(("z", "label"), [(20.0, 0.0), (12.0, 1.0), (20.0, 1.0), (6.7, 1.0), (-20.0, 1.0)])
def test_logits_form_backward_is_sigmoid_minus_target_bit_for_bit(z, label):
    slope = slope_of(logits_loss(label), z)
    assert slope == (torch.sigmoid(torch.tensor(z)) - label).item()


def test_logits_form_loss_needs_no_log_of_one_minus_y_hat():
    # (1 − y)·z − log σ(z): finite where log(1 − ŷ) is log 0.
    loss = F.binary_cross_entropy_with_logits(torch.tensor(20.0), torch.tensor(0.0))
    assert loss.item() == pytest.approx(softplus(20.0), rel=1e-6)


def test_logits_form_gradient_for_label_one_cancels(confident):
    at_12 = slope_of(logits_loss(1.0), 12.0)
    exact_12 = -sigmoid(-12.0)
    assert abs(at_12 / exact_12 - 1) == pytest.approx(0.009, abs=0.0015)  # "0.9 % off"
    assert slope_of(logits_loss(1.0), 20.0) == 0.0  # "exactly 0"
    # In absolute terms both errors are below the float32 gap just below 1.
    assert abs(at_12 - exact_12) < BELOW_ONE
    assert abs(0.0 - (-sigmoid(-20.0))) < BELOW_ONE
    assert confident["cases"] == [(20.0, 0.0), (12.0, 1.0), (20.0, 1.0)]
    assert confident["slopes"] == [1.0, at_12, 0.0]
    assert confident["offs"][1] == pytest.approx(abs(at_12 / exact_12 - 1), rel=1e-9)
    assert confident["offs"][2] == 1.0
    assert confident["errors"][1] == pytest.approx(abs(at_12 - exact_12), rel=1e-9)
    assert all(error < BELOW_ONE for error in confident["errors"])


def test_logits_form_gradient_for_label_zero_is_accurate():
    for z in (6.7, 12.0, 20.0):
        assert slope_of(logits_loss(0.0), z) == pytest.approx(sigmoid(z), rel=1e-7)


def test_prediction_choices_differ(confident):
    answer = confident.outputs["correct_label"]
    float64 = confident.outputs["correct_label_float64"]
    clamped = confident.outputs["correct_label_clamped"]
    assert len({answer, float64, clamped}) == 3
    assert float(answer) == 0.0 == confident["slope_right"].item()
    assert float(float64) == pytest.approx(-sigmoid(-20.0), rel=1e-6)
    assert slope_of(logits_loss(1.0, torch.float64), 20.0, torch.float64) == pytest.approx(-sigmoid(-20.0), rel=1e-6)
    assert math.isnan(float(clamped))
    assert math.isnan(slope_of(lambda z: clamped_bce(torch.sigmoid(z), torch.tensor(1.0)), 20.0))


# --- the margin ------------------------------------------------------------------------------


def test_upper_clamp_bound_rounds_to_one_in_float32(confident):
    assert BELOW_ONE / 2 > MARGIN  # why 1 − 1e-8 rounds to 1
    assert torch.tensor(1 - MARGIN).item() == 1.0
    assert torch.clamp(torch.tensor(1.0), MARGIN, 1 - MARGIN).item() == 1.0
    # The clamp compares in float32: at ŷ = 1 it does not bite, and passes the slope through.
    leaf = torch.tensor(1.0, requires_grad=True)
    (slope,) = torch.autograd.grad(torch.clamp(leaf, MARGIN, 1 - MARGIN), leaf)
    assert slope.item() == 1.0
    assert confident["upper_bound"].item() == 1.0
    assert confident["upper_bound_float64"] == 1 - MARGIN != 1.0


def test_upper_clamp_bound_survives_in_float64():
    assert torch.tensor(1 - MARGIN, dtype=torch.float64).item() == 1 - MARGIN < 1.0


def test_lower_clamp_bound_survives_in_float32(confident):
    assert confident["lower_bound"].item() == pytest.approx(MARGIN, rel=1e-7)


def test_clamp_passes_no_gradient_where_it_bites():
    leaf = torch.tensor(2e-9, requires_grad=True)
    (slope,) = torch.autograd.grad(torch.clamp(leaf, MARGIN, 1 - MARGIN), leaf)
    assert slope.item() == 0.0


def test_exercise_1_the_clamp_floor():
    run = run_snippet("saturated_sigmoid/clamp_floor.py")
    assert run["y_hat"].item() == pytest.approx(sigmoid(-20.0), rel=1e-5)
    assert run["y_hat"].item() < MARGIN
    assert run["loss_clamped"].item() == pytest.approx(-math.log(MARGIN), rel=1e-6)
    assert run["slope_clamped"].item() == 0.0
    assert run["loss_logits"].item() == pytest.approx(softplus(20.0), rel=1e-6)
    assert run["slope_logits"].item() == pytest.approx(sigmoid(-20.0) - 1, rel=1e-6)
    assert run["loss_exact"] == pytest.approx(softplus(20.0), rel=1e-15)
    assert run["slope_exact"] == pytest.approx(-sigmoid(20.0), rel=1e-15)


def test_log_backward_at_zero_with_zero_incoming_gradient_is_nan():
    # The clamped loss with label 1 at ŷ = 1: (1 − y)·log(1 − ŷ) sends back 0, and log's backward divides it by 0.
    u = torch.tensor(0.0, requires_grad=True)
    (slope,) = torch.autograd.grad(torch.log(u), u, grad_outputs=torch.tensor(0.0))
    assert math.isnan(slope.item())
    loss = clamped_bce(torch.tensor(1.0), torch.tensor(1.0))
    assert math.isnan(loss.item())  # 0 · log 0 = 0 · (−inf)
