"""docs/derivative_rules.md: every rule's slope agrees with a closed form worked out here in float64."""

import math
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import sympy as sp
import torch

from lessonkit import run_snippet

X = sp.Symbol("x")

# Autograd runs in float32: the point itself is rounded to float32 (a relative change of up to
# 6e-8) before a few float32 operations, each good to about 6e-8. 1e-6 allows some 16 such
# roundings and is still far tighter than any mistake in a rule.
FLOAT32 = 1e-6
# A float64 central difference with h = 1e-5: truncation h²·|f'''|/6 below 1e-10 and rounding
# about 1e-16·|f|/h, about 1e-11, for these functions and points.
CENTRAL = 1e-8


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


@dataclass(frozen=True)
class Rule:
    module: str
    point: float
    slope: Callable[[float], float]  # the derivative, written out by hand
    formula: sp.Expr  # the same derivative as a formula


RULES = [
    Rule("power", 2.25, lambda x: 0.5 * x**-0.5, 1 / (2 * sp.sqrt(X))),
    Rule("constant_multiple", 0.8, lambda x: 15 * x**2, 15 * X**2),
    Rule("sum_rule", 1.5, lambda x: 3 * x**2 - 4 * x, 3 * X**2 - 4 * X),
    Rule("exponential", 0.7, math.exp, sp.exp(X)),
    Rule("logarithm", 2.5, lambda x: 1 / x, 1 / X),
    Rule("sine", 2.0, math.cos, sp.cos(X)),
    Rule("cosine", 0.5, lambda x: -math.sin(x), -sp.sin(X)),
    Rule("product", 2.0, lambda x: math.log(x) + 1, sp.log(X) + 1),
    Rule("quotient", 0.5, lambda x: (1 - x**2) / (1 + x**2) ** 2, (1 - X**2) / (1 + X**2) ** 2),
    Rule("chain", 1.5, lambda x: 2 * x / (1 + x**2), 2 * X / (1 + X**2)),
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.module)
def test_the_rule_and_the_three_methods_agree_with_the_derivative(rule):
    run = run_snippet(f"derivative_rules/{rule.module}.py")
    expected = rule.slope(rule.point)
    assert run["x0"] == rule.point
    assert run["by_rule"] == pytest.approx(expected, rel=1e-12)
    assert sp.simplify(run["slope_sym"] - rule.formula) == 0
    assert run["slope_sympy"] == pytest.approx(expected, rel=1e-12)
    assert run["slope_fd"] == pytest.approx(expected, abs=CENTRAL)
    assert run["x"].grad.dtype == torch.float32
    assert run["x"].grad.item() == pytest.approx(expected, rel=FLOAT32)
    assert run.outputs["agree"] == "the rule, SymPy, autograd and the central difference agree\n"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.module)
def test_the_central_difference_uses_the_step_the_page_names(rule):
    assert run_snippet(f"derivative_rules/{rule.module}.py")["h"] == 1e-5


def test_power_rule_terms():
    run = run_snippet("derivative_rules/power.py")
    assert run["n"] == 0.5
    assert run["power_term"] == pytest.approx(1 / 1.5)  # 2.25^(−1/2) = 1/1.5


def test_constant_multiple_terms():
    run = run_snippet("derivative_rules/constant_multiple.py")
    assert run["c"] == 5
    assert run["inner_slope"] == pytest.approx(3 * 0.64)


def test_sum_rule_terms():
    run = run_snippet("derivative_rules/sum_rule.py")
    slopes = (run["slope_cube"], run["slope_square"], run["slope_constant"])
    assert slopes == pytest.approx((6.75, -6.0, 0.0))


def test_product_rule_terms_are_log_2_and_1():
    run = run_snippet("derivative_rules/product.py")
    assert run["f_slope_g"] == pytest.approx(math.log(2), rel=1e-15)
    assert run["f_g_slope"] == 1.0


def test_quotient_rule_terms():
    run = run_snippet("derivative_rules/quotient.py")
    assert run["numerator"] == pytest.approx(1 * 1.25 - 0.5 * 1)
    assert run["denominator"] == pytest.approx(1.25**2)


def test_chain_rule_terms():
    run = run_snippet("derivative_rules/chain.py")
    assert run["u0"] == 3.25
    assert run["outer_slope"] == pytest.approx(1 / 3.25)
    assert run["inner_slope"] == 3.0


# --- ReLU ----------------------------------------------------------------------------------


def test_relu_slopes_are_0_left_1_right_and_pytorch_uses_0_at_the_corner():
    run = run_snippet("derivative_rules/relu.py")
    assert run["points"] == [-1.0, 0.0, 2.0]
    assert run["slopes"] == [0.0, 0.0, 1.0]
    x = torch.tensor(0.0, requires_grad=True)
    torch.relu(x).backward()
    assert x.grad.item() == 0.0


def test_relu_one_sided_quotients_disagree_at_0():
    run = run_snippet("derivative_rules/relu.py")
    assert run["from_right"] == 1.0
    assert run["from_left"] == 0.0
    assert run["central"] == 0.5  # the average of the two, which is neither


# --- exercises -----------------------------------------------------------------------------


def check_exercise(run, expected, variable="x", rel=FLOAT32):
    assert run["by_rules"] == pytest.approx(expected, rel=1e-12)
    assert run["slope_fd"] == pytest.approx(expected, abs=CENTRAL)
    assert run[variable].grad.item() == pytest.approx(expected, rel=rel)


def test_exercise_1_product_of_a_polynomial_and_a_sine():
    run = run_snippet("derivative_rules/exercise_product.py")
    x = 0.5
    expected = 2 * x * math.sin(x) + (x**2 + 1) * math.cos(x)
    check_exercise(run, expected)
    assert run["slope_sympy"] == pytest.approx(expected, rel=1e-12)
    assert run["f_slope_g"] == pytest.approx(2 * x * math.sin(x))
    assert run["f_g_slope"] == pytest.approx((x**2 + 1) * math.cos(x))


def test_exercise_2_tangent_has_slope_1_over_cos_squared():
    run = run_snippet("derivative_rules/exercise_quotient.py")
    x = 0.6
    expected = 1 + math.tan(x) ** 2  # = 1 / cos² x, written another way
    check_exercise(run, expected)
    assert run["slope_sympy"] == pytest.approx(expected, rel=1e-12)
    assert run["numerator"] == pytest.approx(1.0, abs=1e-15)  # cos² + sin²
    assert run["denominator"] == pytest.approx(math.cos(x) ** 2)


def test_exercise_3_bell_curve():
    run = run_snippet("derivative_rules/exercise_chain.py")
    x = 1.5
    expected = -x * math.exp(-(x**2) / 2)
    check_exercise(run, expected)
    assert run["slope_sympy"] == pytest.approx(expected, rel=1e-12)
    assert run["u0"] == -1.125
    assert run["inner_slope"] == -1.5


def test_exercise_4_sigmoid_slope_is_sigma_times_one_minus_sigma():
    run = run_snippet("derivative_rules/exercise_sigmoid.py")
    z = 2.0
    expected = math.exp(-z) / (1 + math.exp(-z)) ** 2
    # torch.sigmoid's backward computes σ(1 − σ) in float32, and 1 − σ(2) ≈ 0.12 cancels about three
    # bits: allow twice the usual float32 tolerance.
    check_exercise(run, expected, variable="z", rel=2 * FLOAT32)
    assert run["gap"] == 0
    assert run["sigma0"] == pytest.approx(sigmoid(z))
    assert run["one_minus_sigma"] == pytest.approx(1 - sigmoid(z))
    assert run["sigma_form"] == pytest.approx(expected, rel=1e-12)


def test_exercise_5_softplus_slope_is_the_sigmoid():
    run = run_snippet("derivative_rules/exercise_softplus.py")
    x = -1.0
    expected = sigmoid(x)
    check_exercise(run, expected)
    assert run["gap"] == 0
    assert run["outer_slope"] == pytest.approx(1 / (1 + math.exp(-1)))
    assert run["inner_slope"] == pytest.approx(math.exp(-1))
