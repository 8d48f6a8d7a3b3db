"""docs/single_neuron.md: every number agrees with the sigmoid and binary cross-entropy worked out in float64."""

import math
from collections import Counter

import pytest
import torch
import torch.nn.functional as F

from lessonkit import run_snippet
from tests.lessons.figures import figure, node

X = 6.7  # the lesson's input; the label is 0, w = 1 and b = 0, so z = 6.7


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def softplus(z: float) -> float:
    """log(1 + e^z): the binary cross-entropy of logit z when the label is 0."""
    return math.log1p(math.exp(z))


def float32_step(value: float) -> float:
    """The gap between neighbouring float32 numbers at the magnitude of `value` (24 significant bits)."""
    return 2.0 ** (math.floor(math.log2(abs(value))) - 23)


SIGMA = sigmoid(X)
BELOW_ONE = 2.0**-24  # the float32 gap just below 1
# 1 − ŷ is a difference of numbers near 1, so it inherits an absolute error of a few steps
# below 1; relative to 1 − ŷ that is large, and −log turns it into this much absolute error.
LOSS_TOLERANCE = 3 * BELOW_ONE / (1 - SIGMA)


@pytest.fixture(scope="module")
def neuron():
    return run_snippet("single_neuron/neuron.py")


def test_forward_pass(neuron):
    assert neuron["z"].item() == pytest.approx(X, rel=1e-7)
    assert neuron["y_hat"].item() == pytest.approx(SIGMA, rel=1e-6)
    assert neuron["loss"].item() == pytest.approx(softplus(X), abs=LOSS_TOLERANCE)


def test_clamp_raises_zero_to_the_margin_and_leaves_one_at_one(neuron):
    margin = neuron["margin"]
    assert margin == 1e-8
    clamped = torch.clamp(torch.tensor([0.0, 1.0]), margin, 1 - margin)
    assert clamped[0].item() == pytest.approx(margin, rel=1e-7)  # the lower bound works
    assert clamped[1].item() == 1.0  # the upper bound does not: 1 − m rounds to 1 in float32
    assert torch.tensor(1 - margin).item() == 1.0
    assert torch.equal(neuron["clamped"], clamped)


def test_one_minus_y_hat_is_exact_in_float32(neuron):
    # The subtraction is exact (ŷ is in [0.5, 1]); the error of 1 − ŷ is the rounding of ŷ.
    y_hat = neuron["y_hat"].detach()
    assert (1 - y_hat).item() == 1 - y_hat.item()
    assert abs((1 - y_hat).item() / (1 - SIGMA) - 1) > 1e-5


def test_local_derivatives(neuron):
    # Both contain 1 − ŷ, which keeps only about four significant digits in float32.
    assert neuron["dL_dyhat"].item() == pytest.approx(1 / (1 - SIGMA), rel=2e-4)
    assert neuron["dyhat_dz"].item() == pytest.approx(SIGMA * (1 - SIGMA), rel=2e-4)
    assert neuron["dz_dw"].item() == pytest.approx(X, rel=1e-7)
    assert neuron["dz_db"] == 1.0


def test_float64_local_factors(neuron):
    """The page quotes these as the exact factors: 1/(1 − σ) and σ(1 − σ) at z = 6.7, label 0."""
    assert neuron["x64"] == X
    assert neuron["dL_dyhat_exact"] == pytest.approx(1 / (1 - SIGMA), rel=1e-12)
    assert neuron["dyhat_dz_exact"] == pytest.approx(math.exp(-X) / (1 + math.exp(-X)) ** 2, rel=1e-9)
    # The float32 factors are off in the fourth or fifth significant digit, and their product is not.
    for float32, exact in (
        (neuron["dL_dyhat"], neuron["dL_dyhat_exact"]),
        (neuron["dyhat_dz"], neuron["dyhat_dz_exact"]),
    ):
        assert 1e-5 < abs(float32.item() / exact - 1) < 1e-3
    assert (neuron["dL_dyhat"] * neuron["dyhat_dz"]).item() == pytest.approx(SIGMA, rel=1e-6)


def test_gradients_by_hand_and_by_autograd(neuron):
    for dw in (neuron["dL_dw"], neuron["w"].grad):
        assert dw.item() == pytest.approx(SIGMA * X, rel=1e-6)  # (ŷ − y)·x
    for db in (neuron["dL_db"], neuron["b"].grad):
        assert db.item() == pytest.approx(SIGMA, rel=1e-6)  # ŷ − y
    assert neuron["w"].grad.item() > 0 and neuron["b"].grad.item() > 0


def test_the_seventh_digit_is_rounding_only(neuron):
    dw_hand, dw_auto = neuron["dL_dw"].item(), neuron["w"].grad.item()
    db_hand, db_auto = neuron["dL_db"].item(), neuron["b"].grad.item()
    assert neuron["gap_w"] == dw_hand - dw_auto
    assert neuron["steps_w"] == round((dw_hand - dw_auto) / float32_step(dw_auto))
    assert neuron["steps_b"] == round((db_hand - db_auto) / float32_step(db_auto))
    assert neuron["significant_bits"] == 24  # float32: 23 stored bits and a leading 1
    # The page calls it one step and says the two results differ at all.
    assert neuron["steps_w"] == 1
    assert dw_hand != dw_auto
    # "Both sit within a few float32 steps of the float64 reference."
    for value, exact in ((dw_hand, X * SIGMA), (dw_auto, X * SIGMA), (db_hand, SIGMA), (db_auto, SIGMA)):
        assert abs(value - exact) <= 3 * float32_step(exact)
    assert neuron["sigma"] == SIGMA


def test_the_factor_that_should_be_one(neuron):
    assert neuron["ratio_by_hand"] == 1.0
    assert neuron["ratio_autograd"] == 1.0 - BELOW_ONE  # the float32 number just below 1
    # Replaying 1/(1 − ŷ) · (1 − ŷ) · ŷ gives autograd's answer.
    assert neuron["replayed"].item() == neuron["b"].grad.item()


def test_pytorch_losses_agree(neuron):
    assert neuron["loss_bce"].item() == neuron["loss"].item()
    for dw in (neuron["dw_bce"], neuron["dw_logits"]):
        assert dw.item() == pytest.approx(X * SIGMA, rel=1e-6)
    for db in (neuron["db_bce"], neuron["db_logits"]):
        assert db.item() == pytest.approx(SIGMA, rel=1e-6)
    # The logits form computes σ(z) − y directly: the hand route's numbers.
    torch.testing.assert_close(neuron["db_logits"], neuron["dL_db"], rtol=0, atol=BELOW_ONE)
    assert neuron["loss_exact"] == pytest.approx(softplus(X), rel=1e-15)
    assert neuron["loss_logits"].item() == pytest.approx(softplus(X), rel=1e-6)


def test_logits_form_backward_is_sigmoid_minus_target(neuron):
    z = torch.tensor(X, requires_grad=True)
    for label in (0.0, 1.0):
        (slope,) = torch.autograd.grad(F.binary_cross_entropy_with_logits(z, torch.tensor(label)), z)
        assert torch.equal(slope, torch.sigmoid(z.detach()) - label)
    assert torch.equal(neuron["db_logits"], (torch.sigmoid(neuron["z"]) - neuron["y"]).detach())
    assert neuron["sigmoid_minus_y"] == neuron["db_logits"].item()


def test_the_loss_error_comes_from_one_minus_y_hat(neuron):
    one_minus = 1 - neuron["y_hat"].item()  # exact in float64: both are float32 numbers near 1
    expected_relative = abs(one_minus - (1 - SIGMA)) / (1 - SIGMA)
    assert neuron["one_minus_error"] == pytest.approx(expected_relative, rel=1e-3)
    assert neuron["loss_error"] == pytest.approx(abs(neuron["loss"].item() - softplus(X)), rel=1e-9)
    # d(−log u) = −du/u: the loss's absolute error is about 1 − ŷ's relative error ...
    assert neuron["loss_error"] == pytest.approx(neuron["one_minus_error"], rel=0.02)
    # ... and far more than a float32 step at 6.7, as the page says.
    assert neuron["loss_error"] > 10 * float32_step(X)


def test_exercise_1_label_one():
    run = run_snippet("single_neuron/label_one.py")
    assert run["loss"].item() == pytest.approx(softplus(-X), rel=1e-5)  # −log σ(6.7)
    # σ(z) − 1 cancels in float32: about four significant digits survive.
    for dw in (run["dL_dw"], run["w"].grad):
        assert dw.item() == pytest.approx((SIGMA - 1) * X, rel=2e-4)
        assert dw.item() < 0
    for db in (run["dL_db"], run["b"].grad):
        assert db.item() == pytest.approx(SIGMA - 1, rel=2e-4)
    assert run["learning_rate"] == 0.1
    assert run["w_change"] == pytest.approx(-0.1 * (SIGMA - 1) * X, rel=2e-4)
    assert run["w_change"] > 0  # descent raises w


def test_label_one_gradient_keeps_about_four_significant_digits():
    run = run_snippet("single_neuron/label_one.py")
    z = torch.tensor(X).item()  # the float32 logit, in float64
    exact = -1 / (1 + math.exp(z))  # σ(z) − 1 = −σ(−z), with nothing to cancel
    assert run["exact_db"] == pytest.approx(exact, rel=1e-15)
    relative_error = abs(run["b"].grad.item() / exact - 1)
    assert 1e-5 < relative_error < 1e-3  # far above float32's 6e-8: only about four digits are right


def test_exercise_2_one_descent_step():
    run = run_snippet("single_neuron/descent_step.py")
    w_new = 1.0 - 0.1 * SIGMA * X
    b_new = -0.1 * SIGMA
    assert run["w_by_hand"] == pytest.approx(w_new, rel=1e-12)
    assert run["b_by_hand"] == pytest.approx(b_new, rel=1e-12)
    assert run["w"].item() == pytest.approx(w_new, rel=1e-6)
    assert run["b"].item() == pytest.approx(b_new, rel=1e-6)
    assert run["loss_before"].item() == pytest.approx(softplus(X), rel=1e-6)
    assert run["loss_after"].item() == pytest.approx(softplus(w_new * X + b_new), rel=1e-5)


# --- the figures ------------------------------------------------------------------------


def test_neuron_graph_holds_the_parameters_not_the_data():
    neuron = figure("single_neuron", "neuron_graph").data["graph"]
    assert [leaf.name for leaf in neuron.leaves()] == ["w", "b"]  # x and y need no gradient
    assert Counter(op.name for op in neuron.operations()) == Counter(
        {
            "MulBackward0": 3,  # w · x, y · log ŷ, (1 − y) · log(1 − ŷ)
            "AddBackward0": 2,  # + b, the sum of the two terms
            "SigmoidBackward0": 1,
            "ClampBackward1": 1,
            "LogBackward0": 2,
            "RsubBackward1": 1,  # 1 − ŷ
            "NegBackward0": 1,
        }
    )
    lesson = run_snippet("single_neuron/neuron.py")
    torch.testing.assert_close(node(neuron, "w").grad, lesson["w"].grad)
    torch.testing.assert_close(node(neuron, "b").grad, lesson["b"].grad)
    # With the label 0, the y · log ŷ term sends nothing back, and (1 − y) · log(1 − ŷ) sends back −1.
    logs_to_products = [
        e.grad.item() for e in neuron.edges if (e.source.name, e.target.name) == ("LogBackward0", "MulBackward0")
    ]
    assert sorted(logs_to_products) == [-1, 0]


def test_sigmoid_figure_slope_is_sigma_times_one_minus_sigma():
    sigmoid_figure = figure("single_neuron", "sigmoid_and_slope").data
    s = torch.sigmoid(sigmoid_figure["z"])
    torch.testing.assert_close(sigmoid_figure["slope"], s * (1 - s))


def test_loss_figure_curves_are_minus_log_of_the_probability_of_the_label():
    loss = figure("single_neuron", "loss_against_prediction").data
    p = loss["predictions"].double()
    torch.testing.assert_close(loss["loss_if_0"].double(), -torch.log(1 - p), rtol=1e-4, atol=1e-6)
    torch.testing.assert_close(loss["loss_if_1"].double(), -torch.log(p), rtol=1e-4, atol=1e-6)


def test_autograd_grad_leaves_dot_grad_alone(neuron):
    w = torch.tensor(1.0, requires_grad=True)
    (slope,) = torch.autograd.grad(w * X, w)
    assert slope.item() == pytest.approx(X) and w.grad is None
    # In the lesson, w.grad still holds the hand-written loss's gradient after the comparison.
    assert neuron["w"].grad.item() == pytest.approx(SIGMA * X, rel=1e-6)
