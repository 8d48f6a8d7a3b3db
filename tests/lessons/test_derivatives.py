"""docs/derivatives.md: every slope, quotient and error agrees with the maths worked out here."""

import math

import pytest
import sympy as sp
import torch

from lessonkit import run_snippet
from tests.lessons.figures import figure

X = sp.Symbol("x")


def f(x: float) -> float:
    return 3 * x**2 - 4 * x


# --- the power rule --------------------------------------------------------------------


def test_power_rule_slope_of_x_squared_at_3_is_6():
    run = run_snippet("derivatives/power_rule.py")
    assert run["slope_by_hand"] == 6
    assert run["derivative"] == 2 * X
    assert run["slope_sympy"] == 6
    torch.testing.assert_close(run["x"].grad, torch.tensor(6.0))


def test_power_rule_function_is_2x_everywhere():
    dy_dx = run_snippet("derivatives/power_rule.py")["dy_dx"]
    for x in (-2.5, 0.0, 1.0, 7.0):
        assert dy_dx(x) == pytest.approx(float(sp.diff(X**2, X).subs(X, x)))


# --- the limit ---------------------------------------------------------------------------


def test_quotient_is_2_plus_3h():
    run = run_snippet("derivatives/limit.py")
    steps = run["steps"]
    assert steps == pytest.approx([0.1, 0.01, 0.001, 0.0001, 0.00001])
    # (f(1 + h) − f(1)) / h = 2 + 3h exactly; float64 round-off stays far below 1e-9 for these h.
    h = sp.Symbol("h")
    assert sp.simplify((f(1 + h) - f(1)) / h) == 2 + 3 * h
    for step, quotient in zip(steps, run["quotients"], strict=True):
        assert quotient == pytest.approx(2 + 3 * step, abs=1e-9)


def test_printed_table_shows_2_plus_3h_and_3h():
    printed = run_snippet("derivatives/limit.py").outputs["shrinking_h"].splitlines()
    rows = [line.split() for line in printed[1:]]
    assert len(rows) == 5
    for k, (h, quotient, minus_two) in enumerate(rows, 1):
        step = 10.0**-k
        assert float(h) == pytest.approx(step)
        assert float(quotient) == pytest.approx(2 + 3 * step, abs=5e-6)
        assert float(minus_two) == pytest.approx(3 * step, abs=5e-6)


def test_machine_epsilons():
    run = run_snippet("derivatives/limit.py")
    assert run["eps64"] == 2.0**-52
    assert run["eps32"] == 2.0**-23


def test_round_off_truncation_error_first_falls_like_3h():
    run = run_snippet("derivatives/limit.py")
    steps, error64, error32 = run["tiny_steps"], run["error64"], run["error32"]
    assert len(steps) == 16 and steps[-1] == pytest.approx(1e-16)
    for k in range(7):  # h = 1e-1 ... 1e-7: float64 round-off is still negligible
        assert error64[k] == pytest.approx(3 * steps[k], rel=1e-2)
    for k in range(3):  # h = 1e-1 ... 1e-3 in float32
        assert error32[k] == pytest.approx(3 * steps[k], rel=5e-2)


def test_round_off_error_grows_again_below_sqrt_eps():
    run = run_snippet("derivatives/limit.py")
    steps, error64, error32 = run["tiny_steps"], run["error64"], run["error32"]
    best64, best32 = min(error64), min(error32)
    # The error stops falling and grows by orders of magnitude once h is well below sqrt(eps).
    assert error64[11] > 1000 * best64  # h = 1e-12
    assert error32[5] > 100 * best32  # h = 1e-6
    # The best step is within a factor of ten of sqrt(eps).
    assert math.sqrt(2.0**-52) / 10 <= run["best64"][1] <= math.sqrt(2.0**-52) * 10
    assert math.sqrt(2.0**-23) / 10 <= run["best32"][1] <= math.sqrt(2.0**-23) * 10
    assert run["best64"] == (best64, steps[error64.index(best64)])
    assert run["best32"] == (best32, steps[error32.index(best32)])
    # And the best achievable errors are of the order of sqrt(eps).
    assert 1e-9 < best64 < 1e-7
    assert 1e-5 < best32 < 1e-3


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_quotient_is_zero_exactly_when_1_plus_h_rounds_to_1(dtype):
    run = run_snippet("derivatives/limit.py")
    errors = run["error64"] if dtype == torch.float64 else run["error32"]
    one = torch.tensor(1.0, dtype=dtype)
    for h, error in zip(run["tiny_steps"], errors, strict=True):
        vanished = bool(one + torch.tensor(h, dtype=dtype) == one)
        assert vanished == (h < torch.finfo(dtype).eps / 2)
        assert (error == 2.0) == vanished  # a quotient of 0 misses the slope 2 entirely
    assert run["error32"][7] == 2.0  # the value the prose quotes, h = 1e-8


def test_best_step_printout_matches_the_errors():
    run = run_snippet("derivatives/limit.py")
    printed = run.outputs["round_off"]
    assert f"{run['best64'][0]:.1e} at h = 1e-08" in printed
    assert f"sqrt(eps) = {math.sqrt(2.0**-52):.1e}" in printed
    assert f"sqrt(eps) = {math.sqrt(2.0**-23):.1e}" in printed
    assert run["sqrt_eps64"] == math.sqrt(2.0**-52)


def test_error_model_minimum_is_where_the_two_terms_are_equal():
    h, c, eps = sp.symbols("h c epsilon", positive=True)
    error = 3 * h + c * eps / h
    (best,) = sp.solve(sp.diff(error, h), h)
    assert sp.simplify(best - sp.sqrt(c * eps / 3)) == 0
    assert sp.simplify(3 * best - c * eps / best) == 0  # the two terms are equal there
    assert sp.simplify(error.subs(h, best) - 2 * sp.sqrt(3 * c * eps)) == 0


def test_the_tables_best_float64_step_is_partly_lucky():
    run = run_snippet("derivatives/limit.py")
    error, step = run["best64"]
    assert step == pytest.approx(1e-8)
    assert error < 3 * step  # below the truncation error alone: round-off cancelled part of it


def test_fine_grid_float64_minimum_is_a_lucky_outlier():
    run = run_snippet("derivatives/limit.py")
    errors, steps = run["fine64"], run["fine_steps"]
    i = errors.index(min(errors))
    assert (run["lucky_error"], run["lucky_step"]) == (errors[i], steps[i])
    assert (run["lucky_left"], run["lucky_right"]) == (errors[i - 1], errors[i + 1])
    # Both neighbours miss by at least ten times as much: the minimum is luck, not the trend.
    assert min(errors[i - 1], errors[i + 1]) > 10 * errors[i]
    assert errors[i] < run["floor_median64"] / 5


def test_fine_grid_medians_bottom_out_within_a_decade_of_sqrt_eps():
    run = run_snippet("derivatives/limit.py")
    steps = run["fine_steps"]
    for bits, eps in [(64, 2.0**-52), (32, 2.0**-23)]:
        errors = [abs(run["difference_quotient"](h, getattr(torch, f"float{bits}")) - 2) for h in steps]
        medians = [sorted(errors[10 * d : 10 * d + 10])[4:6] for d in range(16)]
        medians = [(a + b) / 2 for a, b in medians]  # the median of ten: the mean of the middle two
        assert run[f"medians{bits}"] == pytest.approx(medians, rel=1e-12)
        floor = medians.index(min(medians))
        assert run[f"floor{bits}"] == floor
        assert run[f"floor_median{bits}"] == min(medians)
        top, bottom = steps[10 * floor], steps[10 * floor + 9]
        assert (run[f"floor_top{bits}"], run[f"floor_bottom{bits}"]) == (top, bottom)
        assert bottom / 10 < math.sqrt(eps) < top * 10  # within a decade of sqrt(eps)
        assert math.sqrt(eps) / 10 < min(medians) < math.sqrt(eps) * 10  # an error of its order


# --- z = sin(x²) -------------------------------------------------------------------------


def test_sine_square_value_and_graph():
    run = run_snippet("derivatives/sine_square.py")
    assert run["y"].item() == pytest.approx(9.0)
    assert run["z"].item() == pytest.approx(math.sin(9.0), rel=1e-6)
    assert type(run["z"].grad_fn).__name__ == "SinBackward0"


def test_sine_square_three_ways_agree_on_6_cos_9():
    run = run_snippet("derivatives/sine_square.py")
    expected = 6 * math.cos(9.0)  # 2x·cos(x²) at x = 3, ≈ −5.4668
    assert expected == pytest.approx(-5.4668, abs=5e-5)
    assert run["dz_dx"] == pytest.approx(expected, rel=1e-12)
    assert sp.simplify(run["derivative"] - 2 * X * sp.cos(X**2)) == 0
    assert run["dz_dx_sympy"] == pytest.approx(expected, rel=1e-12)
    assert run["x"].grad.item() == pytest.approx(expected, rel=1e-5)


def test_the_wrong_formula_is_wrong_and_the_check_catches_it():
    run = run_snippet("derivatives/sine_square.py")
    assert run["wrong"] == pytest.approx(6 + math.cos(9.0), rel=1e-12)
    assert run["wrong"] != pytest.approx(6 * math.cos(9.0), abs=1.0)
    with pytest.raises(AssertionError, match="Scalars are not close"):
        torch.testing.assert_close(run["x"].grad, torch.tensor(run["wrong"]))
    assert "AssertionError: Scalars are not close!" in run.outputs["wrong_formula"]
    # The seed's value: the wrong formula at x = 2, against the slope 4 cos 4 there.
    assert 2 * 2.0 + math.cos(4.0) == pytest.approx(3.346356379136388, rel=1e-15)
    assert "at x = 2: the wrong formula gives 3.3464, the slope is -2.6146" in run.outputs["wrong_formula"]


# --- leaves and intermediates ------------------------------------------------------------


def test_retain_grad_keeps_dz_dy_and_the_chain_rule_holds():
    run = run_snippet("derivatives/leaves.py")
    assert run["y"].grad.item() == pytest.approx(math.cos(9.0), rel=1e-5)  # ≈ −0.9111
    assert run["x"].grad.item() == pytest.approx(6 * math.cos(9.0), rel=1e-5)
    assert not run["y"].is_leaf and run["x"].is_leaf
    assert run["x"].grad.item() == pytest.approx(run["y"].grad.item() * 2 * 3.0, rel=1e-6)


# --- exercises ---------------------------------------------------------------------------


def test_exercise_1_central_difference_has_no_truncation_error():
    run = run_snippet("derivatives/central_difference.py")
    h = sp.Symbol("h")
    assert sp.simplify((f(1 + h) - f(1 - h)) / (2 * h)) == 2
    steps = run["steps"]
    for step, forward in zip(steps[:7], run["forward_error"][:7], strict=True):
        assert forward == pytest.approx(3 * step, rel=1e-2)
    central = run["central_error"]
    assert run["central_at_largest"] == pytest.approx(2.0, abs=1e-14)
    eps = 2.0**-52
    assert central[0] < 20 * eps  # only round-off left
    assert all(c < fw for c, fw in zip(central[:7], run["forward_error"][:7], strict=True))
    assert central[-1] > 1000 * central[0]  # round-off grows as h shrinks


def test_central_difference_of_exp_has_truncation_error_of_order_h_squared():
    h = sp.Symbol("h")
    quotient = (sp.exp(1 + h) - sp.exp(1 - h)) / (2 * h)
    assert sp.simplify(sp.series(quotient, h, 0, 4).removeO() - sp.E * (1 + h**2 / 6)) == 0
    run = run_snippet("derivatives/central_difference.py")
    for step, error in zip(run["exp_steps"][:4], run["exp_error"][:4], strict=True):
        assert error == pytest.approx(math.e * step**2 / 6, rel=1e-2)  # h = 0.1 ... 1e-4


def test_central_difference_best_step_is_not_the_largest_but_near_eps_cube_root():
    run = run_snippet("derivatives/central_difference.py")
    steps, errors = run["exp_steps"], run["exp_error"]
    assert errors[0] == pytest.approx(4.5e-3, rel=1e-2)  # h = 0.1
    assert errors[4] < 1e-10  # h = 1e-5
    assert errors[4] < errors[0] / 1e7
    best = steps[errors.index(min(errors))]
    eps_cube_root = (2.0**-52) ** (1 / 3)
    assert run["eps_cube_root"] == pytest.approx(eps_cube_root)
    assert eps_cube_root / 10 < best < eps_cube_root * 10
    assert steps[4] == pytest.approx(1e-5)
    assert errors[-1] > 1000 * min(errors)  # round-off takes over below


def test_exercise_2_slope_of_one_over_x_is_minus_one_over_x_squared():
    run = run_snippet("derivatives/reciprocal.py")
    x, h = sp.symbols("x h", positive=True)
    assert sp.simplify((1 / (x + h) - 1 / x) / h + 1 / (x * (x + h))) == 0
    assert sp.limit(-1 / (x * (x + h)), h, 0) == -1 / x**2
    assert sp.diff(x**-1, x) == -1 * x**-2  # the power rule for k = -1
    assert run["slope_by_hand"] == -1 / 2.0**2
    torch.testing.assert_close(run["x"].grad, torch.tensor(-0.25))
    for line, step in zip(run.outputs["solution"].splitlines(), [0.1, 0.01, 0.001], strict=False):
        assert f"quotient {-1 / (2 * (2 + step)):.6f}" in line


def test_the_cube_expansion_on_the_page():
    x, h = sp.symbols("x h")
    assert sp.expand((x + h) ** 3) == x**3 + 3 * x**2 * h + 3 * x * h**2 + h**3
    assert sp.limit(sp.expand(((x + h) ** 3 - x**3) / h), h, 0) == 3 * x**2


def test_multiplying_out_gives_x_to_the_k_then_k_x_to_the_k_minus_1_times_h_then_h_squared_terms():
    x, h = sp.symbols("x h")
    for k in range(1, 8):
        expanded = sp.Poly(sp.expand((x + h) ** k), h)
        assert expanded.coeff_monomial(1) == x**k  # x picked from every bracket
        assert expanded.coeff_monomial(h) == k * x ** (k - 1)  # h from exactly one of k brackets
        assert all(degree >= 2 for (degree,) in expanded.monoms() if degree not in (0, 1))


def test_the_expansion_gives_k_x_to_the_k_minus_1_for_whole_k():
    x, h = sp.symbols("x h")
    for k in range(1, 8):
        quotient = sp.expand(((x + h) ** k - x**k) / h)
        assert quotient.subs(h, 0) == k * x ** (k - 1)


# --- cost -------------------------------------------------------------------------------


def test_central_differences_call_the_function_2n_times_and_autograd_once():
    run = run_snippet("derivatives/cost.py")
    assert run["counts"] == [(n, 2 * n, 1) for n in (1, 10, 100)]
    calls = []

    def loss(w):
        calls.append(1)
        return (w**2).sum()

    w = torch.linspace(-1.0, 1.0, 7, dtype=torch.float64, requires_grad=True)
    loss(w).backward()
    assert len(calls) == 1
    torch.testing.assert_close(w.grad, 2 * w.detach())  # all seven slopes from one backward()


# --- the figures --------------------------------------------------------------------------


def test_sine_figure_slope_by_autograd_is_cosine():
    sine = figure("derivatives", "sine_and_slope").data
    torch.testing.assert_close(sine["slope"], torch.cos(sine["x"]))


def test_error_figure_shows_truncation_then_round_off():
    plotted = figure("derivatives", "difference_quotient_error").data
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


def test_error_figure_plots_the_snippets_errors_and_decade_medians():
    run = run_snippet("derivatives/limit.py")
    drawn = figure("derivatives", "difference_quotient_error")
    assert drawn.data["errors"] == {"float64": run["fine64"], "float32": run["fine32"]}
    assert drawn.data["medians"] == {"float64": run["medians64"], "float32": run["medians32"]}
    assert len(drawn.data["centres"]) == 16
    for d, centre in enumerate(drawn.data["centres"]):
        assert run["fine_steps"][10 * d + 9] < centre < run["fine_steps"][10 * d]


def test_error_figure_alt_text_describes_the_floor_not_one_lucky_point():
    run = run_snippet("derivatives/limit.py")
    alt = figure("derivatives", "difference_quotient_error").alt
    assert f"from {run['floor_top64']:.1e} to {run['floor_bottom64']:.1e}, at {run['floor_median64']:.1e}" in alt
    assert f"{run['lucky_error']:.1e} at h = {run['lucky_step']:.1e}" in alt
    assert f"{run['lucky_left']:.1e} and {run['lucky_right']:.1e}" in alt
    assert "1e-09" not in alt  # the lucky step is not rounded to a power of ten
