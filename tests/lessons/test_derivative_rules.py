"""docs/derivative_rules.md: every rule's slope agrees with a closed form worked out here in float64."""

import math

import pytest
import sympy as sp
import torch

from lessonkit import run_snippet
from tests.lessons.rules import Rule, X, assert_agrees

RULES = [
    Rule("power", 2.25, lambda x: 0.5 * x**-0.5, 1 / (2 * sp.sqrt(X))),
    Rule("constant_multiple", 0.8, lambda x: 15 * x**2, 15 * X**2),
    Rule("sum_rule", 1.5, lambda x: 3 * x**2 - 4 * x, 3 * X**2 - 4 * X),
    Rule("exponential", 0.7, math.exp, sp.exp(X)),
    Rule("logarithm", 2.5, lambda x: 1 / x, 1 / X),
    Rule("sine", 2.0, math.cos, sp.cos(X)),
    Rule("cosine", 0.5, lambda x: -math.sin(x), -sp.sin(X)),
    Rule("powers", 4.0, lambda x: 1.5 * x**-0.5 + 2 / x**2, 3 / (2 * sp.sqrt(X)) + 2 / X**2),
    Rule("mixed", 1.0, lambda x: 2 * math.exp(x) - 3 / x + math.cos(x), 2 * sp.exp(X) - 3 / X + sp.cos(X)),
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_the_rule_and_the_three_methods_agree_with_the_derivative(rule):
    assert_agrees(run_snippet("derivative_rules/rules.py")[rule.name], rule)


def test_the_central_differences_step_is_near_where_truncation_and_rounding_balance():
    """The page: a step near the cube root of float64's machine epsilon, where the two errors balance."""
    h = run_snippet("derivative_rules/rules.py")["h"]
    assert 0.5 < h / torch.finfo(torch.float64).eps ** (1 / 3) < 2

    def error(step: float) -> float:  # of the central difference of sin at 1, whose slope is cos(1)
        return abs((math.sin(1 + step) - math.sin(1 - step)) / (2 * step) - math.cos(1))

    assert error(h) < error(100 * h) and error(h) < error(h / 100)  # larger: truncation; smaller: rounding


def test_each_check_prints_the_four_slopes():
    run = run_snippet("derivative_rules/rules.py")
    for rule in RULES:
        section = {"powers": "exercise_powers", "mixed": "exercise_mixed"}.get(rule.name, rule.name)
        printed = run.outputs[section].splitlines()
        assert [line.split(":")[0] for line in printed] == [
            "by the rule",
            "SymPy",
            "autograd (float32)",
            "central difference",
        ]


def test_a_wrong_slope_is_caught():
    check_rule = run_snippet("derivative_rules/rules.py")["check_rule"]
    with pytest.raises(AssertionError):
        check_rule(lambda lib, x: lib.sin(x), 2.0, by_rule=math.sin(2.0))  # sin in place of its slope cos


def test_sum_rule_terms():
    terms = run_snippet("derivative_rules/rules.py")["terms"]
    assert terms == pytest.approx([3 * 1.5**2, -4 * 1.5, 0.0])


def test_exercise_terms():
    run = run_snippet("derivative_rules/rules.py")
    assert run["powers_terms"] == pytest.approx([3 / (2 * math.sqrt(4.0)), 2 / 4.0**2])
    assert run["mixed_terms"] == pytest.approx([2 * math.e, -3.0, math.cos(1.0)])


def test_fractional_power_of_a_negative_number_is_nan_in_torch():
    x = torch.tensor(-2.25, requires_grad=True)
    y = x**0.5
    y.backward()
    assert math.isnan(y.item()) and math.isnan(x.grad.item())
    run = run_snippet("derivative_rules/rules.py")
    assert math.isnan(run["edge_values"][0]) and math.isnan(run["edge_slopes"][0])
    assert math.isnan((torch.tensor(-8.0) ** (1 / 3)).item())  # even where a real root (-2) exists
    assert math.isnan((torch.tensor(-2.0) ** 1.5).item())


def test_cube_root_of_minus_8_is_nan_in_torch_though_minus_2_cubed_is_minus_8():
    assert (-2.0) ** 3 == -8.0
    assert math.isnan((torch.tensor(-8.0) ** (1 / 3)).item())
    run = run_snippet("derivative_rules/rules.py")
    assert (run["cube"], run["third"]) == (-8.0, 1 / 3)
    assert run.outputs["power_domain"].splitlines()[-1].endswith("= nan")


def test_square_root_slope_at_zero_is_inf_in_torch():
    x = torch.tensor(0.0, requires_grad=True)
    (x**0.5).backward()
    assert x.grad.item() == math.inf
    run = run_snippet("derivative_rules/rules.py")
    assert run["edge_values"][1] == 0.0 and run["edge_slopes"][1] == math.inf


def test_the_power_rule_holds_for_negative_whole_powers_away_from_zero():
    x = sp.Symbol("x", nonzero=True)
    for k in (-1, -2, -3):
        assert sp.simplify(sp.diff(x**k, x) - k * x ** (k - 1)) == 0


def test_torch_sin_takes_radians():
    assert torch.sin(torch.tensor(math.pi / 2)).item() == pytest.approx(1.0)
    assert math.sin(math.pi / 2) == 1.0
    assert float(sp.sin(sp.pi / 2)) == 1.0


# --- ReLU ----------------------------------------------------------------------------------


def slope_at(relu, x0):
    x = torch.tensor(x0, requires_grad=True)
    relu(x).backward()
    return x.grad.item()


def test_torch_relu_gives_gradient_zero_at_zero():
    assert slope_at(torch.relu, 0.0) == 0.0
    assert slope_at(torch.nn.functional.relu, 0.0) == 0.0
    assert run_snippet("derivative_rules/relu.py")["relu_at_0"] == 0.0


def test_clamp_min_gives_gradient_one_at_zero():
    assert slope_at(lambda x: x.clamp(min=0), 0.0) == 1.0
    assert run_snippet("derivative_rules/relu.py")["clamp_at_0"] == 1.0


def test_maximum_with_zero_gives_gradient_one_half_at_zero():
    assert slope_at(lambda x: torch.maximum(x, torch.tensor(0.0)), 0.0) == 0.5
    assert run_snippet("derivative_rules/relu.py")["maximum_at_0"] == 0.5


def test_maximum_splits_the_gradient_between_tied_inputs():
    x, zero = torch.tensor(0.0, requires_grad=True), torch.tensor(0.0, requires_grad=True)
    torch.maximum(x, zero).backward()
    assert (x.grad.item(), zero.grad.item()) == (0.5, 0.5)
    run = run_snippet("derivative_rules/relu.py")
    assert (run["x"].grad.item(), run["zero"].grad.item()) == (0.5, 0.5)
    assert "x.grad = 0.5  zero.grad = 0.5" in run.outputs["tie"]


def test_functional_relu_gives_gradient_zero_at_zero_like_torch_relu():
    assert slope_at(torch.nn.functional.relu, 0.0) == slope_at(torch.relu, 0.0) == 0.0
    run = run_snippet("derivative_rules/relu.py")
    assert run["functional_at_0"] == 0.0
    assert "torch.nn.functional.relu, slope at the corner: 0.0" in run.outputs["tie"]


def test_the_three_relus_are_one_function_with_slopes_0_and_1_away_from_the_corner():
    run = run_snippet("derivative_rules/relu.py")
    assert run["points"] == [-1.0, 0.0, 2.0]
    assert run["same_function"] is True
    for name, slopes in run["slopes"].items():
        assert (slopes[0], slopes[2]) == (0.0, 1.0), name
        assert run["values"][name] == [max(0.0, x) for x in run["points"]], name


def test_relu_one_sided_quotients_disagree_at_0():
    run = run_snippet("derivative_rules/relu.py")
    assert run["from_right"] == 1.0
    assert run["from_left"] == 0.0
    assert run["central"] == 0.5  # the average of the two, which is neither


def test_central_difference_at_the_corner_matches_maximum_and_not_relu():
    run = run_snippet("derivative_rules/relu.py")
    assert run["central"] == slope_at(lambda x: torch.maximum(x, torch.tensor(0.0)), 0.0)
    assert run["central"] != slope_at(torch.relu, 0.0)
    assert run["central"] != slope_at(lambda x: x.clamp(min=0), 0.0)
