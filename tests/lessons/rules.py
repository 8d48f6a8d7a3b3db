"""What the tests of the two derivative-rule lessons share: a rule, and the check of what check_rule found for it."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
import sympy as sp
import torch

X = sp.Symbol("x")
# Autograd runs in float32: the point itself is rounded to float32 (a relative change of up to
# 6e-8) before a few float32 operations, each good to about 6e-8. 1e-6 allows some 16 such
# roundings and is still far tighter than any mistake in a rule.
FLOAT32 = 1e-6
# A float64 central difference with h = 1e-5: truncation h²·|f'''|/6 below 1e-10 and rounding
# about 1e-16·|f|/h, about 1e-11, for these functions and points.
CENTRAL = 1e-8


@dataclass(frozen=True)
class Rule:
    name: str  # the variable that holds what check_rule returned
    point: float
    slope: Callable[[float], float]  # the derivative, written out by hand
    formula: sp.Expr  # the same derivative as a formula
    float32: float = FLOAT32  # autograd's tolerance, wider where float32 cancels digits


def assert_agrees(checked, rule: Rule):
    """The hand rule, SymPy, the central difference and autograd all give the rule's derivative."""
    expected = rule.slope(rule.point)
    assert checked.x0 == rule.point
    assert checked.by_rule == pytest.approx(expected, rel=1e-12)
    assert sp.simplify(checked.formula - rule.formula) == 0
    assert checked.sympy == pytest.approx(expected, rel=1e-12)
    assert checked.central == pytest.approx(expected, abs=CENTRAL)
    assert checked.autograd.dtype == torch.float32
    assert checked.autograd.item() == pytest.approx(expected, rel=rule.float32)
