"""The plotted numbers agree with the maths they illustrate, worked out here independently."""

import math

import pytest
import torch

from lessonkit.figures.recording import lesson_figures
from snippets.figures.gradient_descent import behaviour


def data(project, lesson, name):
    return next(figure for figure in lesson_figures(project)[lesson] if figure.name == name).data


def test_autograd_slope_of_sine_is_cosine(project):
    sine = data(project, "derivatives", "sine_and_slope")
    torch.testing.assert_close(sine["slope"], torch.cos(sine["x"]))


def test_difference_quotient_error_shows_truncation_then_round_off(project):
    plotted = data(project, "derivatives", "difference_quotient_error")
    errors = dict(zip(plotted["steps"], plotted["errors"]["float64"], strict=True))
    # Large steps: the error is the truncation error 3h of (2h + 3h²) / h = 2 + 3h.
    assert errors[1e-2] == pytest.approx(3e-2, rel=1e-9)
    # Near sqrt(eps64) ≈ 1.5e-8 the two errors balance, and the error is at its smallest.
    best_error, best_step = min(zip(plotted["errors"]["float64"], plotted["steps"], strict=True))
    assert 1e-10 < best_step < 1e-7
    assert best_error < 1e-7
    # Once 1 + h rounds to 1 in float32 (h < eps32 / 2), the quotient is 0: an error of 2.
    float32 = dict(zip(plotted["steps"], plotted["errors"]["float32"], strict=True))
    assert all(error == 2 for step, error in float32.items() if step < torch.finfo(torch.float32).eps / 2)


def test_sigmoid_slope_is_sigma_times_one_minus_sigma(project):
    sigmoid = data(project, "single_neuron", "sigmoid_and_slope")
    s = torch.sigmoid(sigmoid["z"])
    torch.testing.assert_close(sigmoid["slope"], s * (1 - s))


def test_loss_curves_are_minus_log_of_the_probability_of_the_label(project):
    loss = data(project, "single_neuron", "loss_against_prediction")
    p = loss["predictions"].double()
    torch.testing.assert_close(loss["loss_if_0"].double(), -torch.log(1 - p), rtol=1e-4, atol=1e-6)
    torch.testing.assert_close(loss["loss_if_1"].double(), -torch.log(p), rtol=1e-4, atol=1e-6)


def test_descent_panels_follow_the_closed_form(project):
    descent = data(project, "gradient_descent", "step_sizes")
    for rate, xs in zip(descent["rates"], descent["sweep"], strict=True):
        expected = [2 + (1 - 2 * rate) ** k * 3 for k in range(len(xs))]
        assert xs == pytest.approx(expected, abs=1e-5)


@pytest.mark.parametrize(
    ("rate", "what"),
    [(0.1, "creeps in"), (0.5, "lands on 2"), (0.75, "zigzags in"), (1.0, "bounces"), (1.1, "zigzags out")],
)
def test_panel_titles_name_what_the_factor_predicts(rate, what):
    xs = [2 + (1 - 2 * rate) ** k * 3 for k in range(3)]
    assert behaviour(xs) == what
    assert math.isfinite(xs[-1])
