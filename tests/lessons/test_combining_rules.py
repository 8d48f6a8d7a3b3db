"""docs/combining_rules.md: the product, quotient and chain rules, and the exercises, against closed forms."""

import math

import pytest
import sympy as sp
import torch

from lessonkit import Project, run_snippet
from lessonkit.sections import find_section
from tests.lessons.rules import FLOAT32, Rule, X, assert_agrees


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


RULES = [
    Rule("product", 2.0, lambda x: math.log(x) + 1, sp.log(X) + 1),
    Rule("quotient", 0.5, lambda x: (1 - x**2) / (1 + x**2) ** 2, (1 - X**2) / (1 + X**2) ** 2),
    Rule("chain_square", 3.0, lambda x: 4 * (2 * x + 1), 8 * X + 4),
    Rule("chain", 1.5, lambda x: 2 * x / (1 + x**2), 2 * X / (1 + X**2)),
    Rule(
        "polynomial_times_sine",
        0.5,
        lambda x: 2 * x * math.sin(x) + (x**2 + 1) * math.cos(x),
        2 * X * sp.sin(X) + (X**2 + 1) * sp.cos(X),
    ),
    Rule("tangent", 0.6, lambda x: 1 + math.tan(x) ** 2, 1 / sp.cos(X) ** 2),
    Rule("bell", 1.5, lambda x: -x * math.exp(-(x**2) / 2), -X * sp.exp(-(X**2) / 2)),
    # 1 − σ(2) ≈ 0.12 cancels about three bits in float32: allow twice the usual tolerance.
    Rule("sigmoid", 2.0, lambda z: sigmoid(z) * (1 - sigmoid(z)), sp.exp(-X) / (1 + sp.exp(-X)) ** 2, 2 * FLOAT32),
    Rule("softplus", -1.0, sigmoid, 1 / (1 + sp.exp(-X))),
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_the_rule_and_the_three_methods_agree_with_the_derivative(rule):
    assert_agrees(run_snippet("combining_rules/rules.py")[rule.name], rule)


def test_product_rule_terms_are_log_2_and_1():
    run = run_snippet("combining_rules/rules.py")
    assert run["f_slope_g"] == pytest.approx(math.log(2), rel=1e-15)
    assert run["f_g_slope"] == 1.0


def test_quotient_rule_terms():
    run = run_snippet("combining_rules/rules.py")
    assert run["numerator"] == pytest.approx(1 * 1.25 - 0.5 * 1)
    assert run["denominator"] == pytest.approx(1.25**2)


def test_the_seeds_square_of_a_line_has_slope_28_at_3_by_the_chain_rule_and_multiplied_out():
    run = run_snippet("combining_rules/rules.py")
    assert sp.expand((2 * X + 1) ** 2) == 4 * X**2 + 4 * X + 1
    assert sp.diff((2 * X + 1) ** 2, X) == 8 * X + 4  # SymPy prints it multiplied out
    assert run["square_u"] == 7.0
    assert run["chain_square"].by_rule == run["expanded_slope"] == 28.0 == 4 * (2 * 3 + 1)
    x = torch.tensor(3.0, requires_grad=True)
    ((2 * x + 1) ** 2).backward()
    assert x.grad.item() == 28.0


def test_u_times_1_minus_u_is_a_quarter_minus_a_square():
    u = sp.Symbol("u")
    assert sp.expand(u * (1 - u) - (sp.Rational(1, 4) - (u - sp.Rational(1, 2)) ** 2)) == 0


def test_chain_rule_terms():
    run = run_snippet("combining_rules/rules.py")
    assert run["u0"] == 3.25
    assert run["outer_slope"] == pytest.approx(1 / 3.25)
    assert run["inner_slope"] == 3.0


def test_exercise_terms():
    run = run_snippet("combining_rules/rules.py")
    assert run["product_terms"] == pytest.approx([2 * 0.5 * math.sin(0.5), 1.25 * math.cos(0.5)])
    assert run["tan_numerator"] == pytest.approx(1.0, abs=1e-15)  # cos² + sin²
    assert run["tan_denominator"] == pytest.approx(math.cos(0.6) ** 2)
    assert (run["bell_u"], run["bell_inner"]) == (-1.125, -1.5)
    assert run["bell_outer"] == pytest.approx(math.exp(-1.125))
    assert run["sigma0"] == pytest.approx(sigmoid(2.0))
    assert run["one_minus_sigma"] == pytest.approx(1 - sigmoid(2.0))
    assert run["softplus_outer"] == pytest.approx(1 / (1 + math.exp(-1)))
    assert run["softplus_inner"] == pytest.approx(math.exp(-1))


def test_sympy_proves_both_identities():
    run = run_snippet("combining_rules/rules.py")
    assert run["sigmoid_gap"] == 0
    assert run["softplus_gap"] == 0
    x = sp.Symbol("x")
    sigma = 1 / (1 + sp.exp(-x))
    assert sp.simplify(sp.diff(sigma, x) - sigma * (1 - sigma)) == 0


def test_sigmoid_exercise_is_written_in_the_variable_check_rule_prints():
    # check_rule differentiates in x and prints f'(x): the exercise names its input x too.
    run = run_snippet("combining_rules/rules.py")
    assert run["sigmoid"].formula.free_symbols == {sp.Symbol("x")}
    assert "f'(x) = exp(-x)/(1 + exp(-x))**2" in run.outputs["exercise_sigmoid"]


def test_exercise_6_the_sigmoid_is_steepest_at_0_with_slope_a_quarter():
    run = run_snippet("combining_rules/rules.py")
    expected = [sigmoid(x) * (1 - sigmoid(x)) for x in range(-6, 7)]
    # 1 − σ(6) cancels in float32: an absolute tolerance suits the tails.
    assert run["slopes"] == pytest.approx(expected, abs=1e-6)
    assert run["largest_slope"] == 0.25
    assert run["steepest_x"] == 0
    x = sp.Symbol("x")
    slope = sp.diff(1 / (1 + sp.exp(-x)), x)
    assert sp.solve(sp.diff(slope, x), x) == [0] == run["flat_sym"]
    assert slope.subs(x, 0) == sp.Rational(1, 4)
    assert all(slope.subs(x, point) <= sp.Rational(1, 4) for point in (-3, -1, 1, 3))


def test_autograd_slopes_are_float32():
    run = run_snippet("combining_rules/rules.py")
    assert all(run[rule.name].autograd.dtype == torch.float32 for rule in RULES)


def test_check_rule_is_the_same_function_as_in_derivative_rules():
    # The page says so; each lesson keeps its own copy so that its notebook runs on its own.
    snippets = Project.here().snippets_dir
    here = find_section(snippets, "combining_rules/rules.py", "check")
    there = find_section(snippets, "derivative_rules/rules.py", "check")
    assert here.code == there.code
