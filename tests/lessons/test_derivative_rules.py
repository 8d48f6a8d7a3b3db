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


def test_the_central_difference_uses_the_step_the_page_names():
    assert run_snippet("derivative_rules/rules.py")["h"] == 1e-5


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
        check_rule(lambda m, x: m.sin(x), 2.0, by_rule=math.sin(2.0))  # sin in place of its slope cos


def test_sum_rule_terms():
    terms = run_snippet("derivative_rules/rules.py")["terms"]
    assert terms == pytest.approx([3 * 1.5**2, -4 * 1.5, 0.0])


def test_exercise_terms():
    run = run_snippet("derivative_rules/rules.py")
    assert run["powers_terms"] == pytest.approx([3 / (2 * math.sqrt(4.0)), 2 / 4.0**2])
    assert run["mixed_terms"] == pytest.approx([2 * math.e, -3.0, math.cos(1.0)])


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
