"""docs/gradient_descent.md: every iterate, count and gradient agrees with the maths worked out here.

The reference is the closed form x_k = 2 + (1 − 2η)^k (x_0 − 2), evaluated in float64;
step counts come from stepping that closed form until it is close enough, not from the
logarithm formula the page uses, so the two derivations check each other.
"""

import math
import re
from itertools import pairwise

import pytest
import torch

from lessonkit import run_snippet
from snippets.figures.gradient_descent import behaviour
from tests.lessons.figures import figure

X0 = 5.0
TOL = 1e-3
# Float32 iterates against a float64 formula: a few ulps of drift over a few dozen steps.
RTOL, ATOL = 1e-6, 1e-6


def closed(k: int, eta: float, x0: float = X0, curvature: float = 2.0) -> float:
    """The k-th iterate of descent on (curvature / 2)·(x − 2)², from the closed form."""
    return 2 + (1 - curvature * eta) ** k * (x0 - 2)


def first_step_within(eta: float, tol: float = TOL) -> int:
    k = 0
    while abs(closed(k, eta) - 2) >= tol:
        k += 1
    return k


def assert_iterates(actual, expected):
    torch.testing.assert_close(
        torch.tensor(actual, dtype=torch.float64), torch.tensor(expected, dtype=torch.float64), rtol=RTOL, atol=ATOL
    )


def numbers(text: str) -> list[float]:
    return [float(token) for token in re.findall(r"-?\d+(?:\.\d+)?", text)]


def shown(value: float, decimals: int) -> float:
    """Tolerance for a number printed with `decimals` places: half a unit, plus float32 slack."""
    return 0.5 * 10.0**-decimals + 1e-6 * max(1.0, abs(value))


@pytest.fixture(scope="module")
def descent():
    return run_snippet("gradient_descent/descent.py")


def test_hand_autograd_and_sgd_give_identical_iterates(descent):
    assert descent["autograd_xs"] == descent["hand_xs"]
    assert descent["sgd_xs"] == descent["hand_xs"]
    assert len(descent["hand_xs"]) == 6


def test_iterates_follow_the_closed_form(descent):
    expected = [closed(k, 0.1) for k in range(6)]  # 5, 4.4, 3.92, 3.536, 3.2288, 2.98304
    assert_iterates(descent["hand_xs"], expected)
    assert descent["hand_xs"][5] == pytest.approx(2.98304, abs=1e-6)
    assert_iterates(descent["predicted"], expected)
    assert descent["r"] == pytest.approx(0.8)


@pytest.mark.parametrize("section", ["by_hand", "autograd", "closed_form", "sgd"])
def test_printed_iterate_lists(descent, section):
    printed = numbers(descent.outputs[section].partition(":")[2])
    assert len(printed) == 6
    for k, value in enumerate(printed):
        assert value == pytest.approx(closed(k, 0.1), abs=shown(value, 4))


def test_table_rows_match_the_maths(descent):
    rows = descent.outputs["table"].splitlines()[1:]
    assert len(rows) == 6
    for k, row in enumerate(rows):
        values = numbers(row)
        error = closed(k, 0.1) - 2
        expected = [k, 2 + error, error**2, 2 * error, error] + ([0.8, 2.0] if k else [])
        assert len(values) == len(expected), row
        for value, want in zip(values, expected, strict=True):
            assert value == pytest.approx(want, abs=shown(want, 4)), row


def test_steps_to_tolerance(descent):
    expected = first_step_within(0.1)  # 36: 3·0.8^36 < 0.001 <= 3·0.8^35
    assert descent["count"] == expected
    assert descent["formula_count"] == expected
    assert descent["final_x"] == pytest.approx(closed(expected, 0.1), abs=ATOL)
    assert abs(descent["final_x"] - 2) < TOL <= abs(closed(expected - 1, 0.1) - 2)
    printed = numbers(descent.outputs["tolerance"])
    assert printed[0] == expected and printed[2] == expected
    assert printed[1] == pytest.approx(closed(expected, 0.1), abs=shown(printed[1], 6))


def test_slope_of_the_slope_is_two(descent):
    # f'(x) = 2x − 4 changes by 2 per unit of x: f'' = 2, between any two iterates.
    assert descent["slopes_of_slope"] == [2.0] * 5
    xs = torch.linspace(-3, 7, 11, dtype=torch.float64)
    slopes = 2 * (xs - 2)
    torch.testing.assert_close(
        (slopes[1:] - slopes[:-1]) / (xs[1:] - xs[:-1]), torch.full((10,), 2.0, dtype=torch.float64)
    )


def test_autograd_slope_of_square_equals_hand_derivative_bit_for_bit():
    xs = torch.linspace(-10, 10, 2001)
    x = xs.clone().requires_grad_()
    ((x - 2) ** 2).sum().backward()
    assert torch.equal(x.grad, 2 * (xs - 2))


def test_update_outside_no_grad_is_refused():
    x = torch.tensor(X0, requires_grad=True)
    ((x - 2) ** 2).backward()
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad is being used in an in-place operation"):
        x -= 0.1 * x.grad
    assert x.item() == X0  # refused before anything changed


def test_update_inside_no_grad_keeps_x_a_leaf(descent):
    x = torch.tensor(X0, requires_grad=True)
    ((x - 2) ** 2).backward()
    with torch.no_grad():
        x -= 0.1 * x.grad
    assert x.is_leaf and x.grad_fn is None and x.requires_grad
    assert x.item() == pytest.approx(closed(1, 0.1), abs=ATOL)
    assert descent["x"].is_leaf


def test_sgd_zero_grad_sets_grad_to_none(descent):
    x = torch.tensor(X0, requires_grad=True)
    optimizer = torch.optim.SGD([x], lr=0.1)
    ((x - 2) ** 2).backward()
    optimizer.step()
    assert x.is_leaf and x.grad_fn is None  # step() was not recorded
    optimizer.zero_grad()
    assert x.grad is None
    assert descent["x"].grad is None


def test_closed_form_is_compared_in_float32(descent):
    assert torch.tensor(descent["predicted"]).dtype == torch.float32
    assert all(isinstance(value, float) for value in descent["predicted"])


def test_without_zero_the_gradients_add_up(descent):
    # The faulty loop, replayed in float64: each step subtracts η times the running sum.
    x, running, xs, slopes, sums = X0, 0.0, [X0], [], []
    for _ in range(3):
        slopes.append(2 * (x - 2))
        running += slopes[-1]
        sums.append(running)
        x -= 0.1 * running
        xs.append(x)
    assert_iterates(descent["stale_xs"], xs)  # 5, 4.4, 3.32, 1.976
    assert_iterates(descent["true_grads"], slopes)  # 6, 4.8, 2.64
    assert_iterates(descent["stale_grads"], sums)  # 6, 10.8, 13.44
    assert descent["stale_xs"][3] < 2 < closed(3, 0.1)  # it jumped past the minimum; the true loop did not
    *rows, last = descent.outputs["without_zero"].splitlines()[1:]
    assert len(rows) == 3
    for k, row in enumerate(rows):
        values = numbers(row)
        assert len(values) == 4, row
        for value, want in zip(values, [k, xs[k], slopes[k], sums[k]], strict=True):
            assert value == pytest.approx(want, abs=shown(want, 4)), row
    _, stale, correct = numbers(last)  # "x_3 = ...; the correct loop has ..."
    assert stale == pytest.approx(xs[3], abs=shown(stale, 4))
    assert correct == pytest.approx(closed(3, 0.1), abs=shown(correct, 4))


RATES = [0.1, 0.5, 0.75, 1.0, 1.1]


def test_each_learning_rate_follows_the_closed_form(descent):
    assert descent["rates"] == RATES
    for eta, xs in zip(RATES, descent["sweep"], strict=True):
        assert_iterates(xs, [closed(k, eta) for k in range(7)])
    rows = descent.outputs["step_sizes"].splitlines()
    assert len(rows) == len(RATES)
    for eta, row in zip(RATES, rows, strict=True):
        head, _, tail = row.partition(":")  # "η = 0.75 r = -0.5", then the iterates
        label = numbers(head)
        assert label[0] == eta and label[-1] == pytest.approx(1 - 2 * eta), row
        for k, value in enumerate(numbers(tail)):
            assert value == pytest.approx(closed(k, eta), abs=shown(value, 3)), row


def test_each_learning_rate_behaves_as_its_factor_predicts(descent):
    errors = {eta: [x - 2 for x in xs] for eta, xs in zip(RATES, descent["sweep"], strict=True)}
    slow = errors[0.1]
    assert all(0 < later < earlier for earlier, later in pairwise(slow))  # one side, shrinking
    assert errors[0.5][1:] == [0.0] * 6  # exactly on the minimum after one step
    damped = errors[0.75]
    assert all(later * earlier < 0 and abs(later) < abs(earlier) for earlier, later in pairwise(damped))
    assert descent["sweep"][3] == [5.0, -1.0] * 3 + [5.0]  # the 2-cycle between x0 and 4 − x0
    wild = errors[1.1]
    assert all(later * earlier < 0 and abs(later) > abs(earlier) for earlier, later in pairwise(wild))
    assert descent["sweep"][4][6] == pytest.approx(2 + 1.2**6 * 3, rel=RTOL)  # 10.958


def test_exercise_steeper_bowl():
    run = run_snippet("gradient_descent/steeper.py")
    assert run["one_step_lr"] == pytest.approx(1 / 6)
    assert run["largest_lr"] == pytest.approx(1 / 3)
    rates = [1 / 6, 0.3, 0.35]
    assert run["rates"] == pytest.approx(rates)
    assert run["factors"] == pytest.approx([1 - 6 * eta for eta in rates])  # 0, −0.8, −1.1
    for eta, xs in zip(rates, run["trials"], strict=True):
        assert_iterates(xs, [closed(k, eta, curvature=6.0) for k in range(5)])
    assert run["trials"][0][1:] == pytest.approx([2.0] * 4, abs=ATOL)
    # With factor −0.8 every second iterate is the main example's (factor 0.8).
    assert_iterates(run["trials"][1][::2], [closed(k, 0.1) for k in (0, 2, 4)])
    outward = [abs(x - 2) for x in run["trials"][2]]
    assert outward == sorted(outward) and outward[-1] > outward[0]
    printed = numbers(run.outputs["by_hand"])
    assert printed[1] == pytest.approx(1 / 6, abs=shown(1, 4))
    assert printed[-1] == pytest.approx(1 / 3, abs=shown(1, 4))
    for eta, row in zip(rates, run.outputs["autograd"].splitlines(), strict=True):
        values = numbers(row)
        assert values[0] == pytest.approx(eta, abs=shown(1, 4))
        for k, value in enumerate(values[1:]):
            assert value == pytest.approx(closed(k, eta, curvature=6.0), abs=shown(value, 4)), row


def test_exercise_mirror_rates_need_the_same_number_of_steps():
    run = run_snippet("gradient_descent/mirror.py")
    assert first_step_within(0.4) == first_step_within(0.6) == 5
    assert run["rates"] == [0.4, 0.6]
    assert run["factors"] == pytest.approx([0.2, -0.2])  # 1 − 2η: the same size, opposite signs
    assert run["counts"] == [5, 5]
    for eta, row in zip([0.4, 0.6], run.outputs["by_hand"].splitlines(), strict=True):
        rate, factor, steps = numbers(row)
        assert (rate, steps) == (eta, 5)
        assert factor == pytest.approx(1 - 2 * eta, abs=shown(factor, 1))
    slow, far = run["slow_side"], run["far_side"]
    assert_iterates(slow, [closed(k, 0.4) for k in range(6)])
    assert_iterates(far, [closed(k, 0.6) for k in range(6)])
    assert all(x > 2 for x in slow)
    assert all((x - 2) * (-1) ** k > 0 for k, x in enumerate(far))  # across 2 at every step
    assert_iterates(slow[::2], far[::2])
    for eta, row in zip([0.4, 0.6], run.outputs["autograd"].splitlines(), strict=True):
        values = numbers(row)
        assert values[:2] == [eta, 5]
        for k, value in enumerate(values[2:]):
            assert value == pytest.approx(closed(k, eta), abs=shown(value, 5)), row


# --- the figure ---------------------------------------------------------------------------


def test_descent_panels_follow_the_closed_form():
    descent = figure("gradient_descent", "step_sizes")
    run = run_snippet("gradient_descent/descent.py")
    for rate, panel in zip(run["rates"], descent.data["panels"], strict=True):
        expected = [2 + (1 - 2 * rate) ** k * 3 for k in range(len(panel["xs"]))]
        assert panel["xs"] == pytest.approx(expected, abs=1e-5)
        assert panel["fs"] == pytest.approx([(x - 2) ** 2 for x in expected], abs=1e-4)


@pytest.mark.parametrize(
    ("rate", "what"),
    [(0.1, "creeps in"), (0.5, "lands on 2"), (0.75, "zigzags in"), (1.0, "bounces"), (1.1, "zigzags out")],
)
def test_panel_titles_name_what_the_factor_predicts(rate, what):
    xs = [2 + (1 - 2 * rate) ** k * 3 for k in range(3)]
    assert behaviour(xs) == what
    assert math.isfinite(xs[-1])
