"""docs/autograd_and_sympy.md: every derivative the page shows, against formulas worked out here."""

import math

import pytest
import sympy as sp
import torch
from mpmath.libmp import prec_to_dps

from lessonkit import run_snippet


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def test_two_inputs_all_four_methods_give_the_hand_gradient():
    run = run_snippet("autograd_and_sympy/two_inputs.py")
    x1, x2 = 2, 3
    expected = [2 * x1 + 3 * x2, 3 * x1 + 2 * x2]  # 13, 12
    assert run["y"].item() == pytest.approx(x1**2 + 3 * x1 * x2 + x2**2)  # 31
    assert [run["df_dx1_hand"], run["df_dx2_hand"]] == expected
    torch.testing.assert_close(run["x"].grad, torch.tensor([13.0, 12.0]))
    assert run["fd_x1"] == pytest.approx(expected[0], rel=1e-8)
    assert run["fd_x2"] == pytest.approx(expected[1], rel=1e-8)
    assert run["exact_sym"] == expected


def test_two_inputs_sympy_formulas_are_the_hand_formulas():
    run = run_snippet("autograd_and_sympy/two_inputs.py")
    x1, x2 = sp.symbols("x1 x2")
    assert sp.expand(run["df_dx1_sym"] - (2 * x1 + 3 * x2)) == 0
    assert sp.expand(run["df_dx2_sym"] - (3 * x1 + 2 * x2)) == 0
    assert "∂f/∂x1 = 2*x1 + 3*x2" in run.outputs["sympy"]


def test_subs_is_exact_and_evalf_is_a_float():
    run = run_snippet("autograd_and_sympy/two_inputs.py")
    exact, approximate = run["exact_value_sym"], run["float_value_sym"]
    assert isinstance(exact, sp.Integer) and exact == 13
    assert isinstance(approximate, sp.Float) and float(approximate) == 13.0
    assert run.outputs["evalf"] == "13 is Integer\n13.0000000000000 is Float\n"
    # A float64 has 53 significant bits, which SymPy shows as prec_to_dps(53) decimal digits.
    assert run["shown_digits"] == prec_to_dps(53)


def test_sympy_names_end_in_sym():
    """The page announces that names ending in _sym hold SymPy objects; the code keeps to it."""
    for snippet in ("autograd_and_sympy/two_inputs.py", "autograd_and_sympy/checks.py"):
        for name, value in run_snippet(snippet).namespace.items():
            if isinstance(value, sp.Basic):
                assert name.endswith("_sym"), f"{snippet}: {name} holds a SymPy object"


def test_zero_width_space_reproduces_the_notebook_error():
    run = run_snippet("autograd_and_sympy/invisible.py")
    assert ord(run["cell"][-2]) == 0x200B
    printed = run.outputs["zero_width_space"]
    assert "ZERO WIDTH SPACE" in printed
    assert "SyntaxError: invalid non-printable character U+200B" in printed


def test_check_gradient_catches_a_wrong_derivative_method():
    check_gradient = run_snippet("autograd_and_sympy/checks.py")["check_gradient"]
    # A function whose torch version differs from its sympy and math versions cannot pass.
    with pytest.raises(AssertionError):
        check_gradient(lambda m, x1: x1**3 if m is torch else x1**2, (2,))


def test_the_typo_fools_all_three_but_not_the_hand_derivative():
    run = run_snippet("autograd_and_sympy/checks.py")
    typo = run["typo"]
    # x1² + 3·x1·x2 + 2·x2: ∂/∂x1 = 2x1 + 3x2 = 13, ∂/∂x2 = 3x1 + 2 = 8
    assert typo.exact_sym == [13, 8]
    torch.testing.assert_close(typo.autograd, torch.tensor([13.0, 8.0]))
    assert typo.central == pytest.approx([13.0, 8.0], rel=1e-8)
    assert run["by_hand"] == [13, 12]  # the intended f: 2x1 + 3x2, 3x1 + 2x2


def test_linear_gradient_is_the_weight_vector():
    run = run_snippet("autograd_and_sympy/checks.py")
    checked = run["linear_check"]
    assert checked.exact_sym == [sp.Rational(1, 2), -1]
    x1, x2 = sp.symbols("x1 x2")
    assert checked.formulas_sym == [sp.Rational(1, 2), -1]
    torch.testing.assert_close(checked.autograd, torch.tensor([0.5, -1.0]))
    assert checked.central == pytest.approx([0.5, -1.0], rel=1e-8)
    assert run["linear"](math, x1, x2) == x1 / 2 - x2 + 2


def test_logistic_gradient_is_sigmoid_slope_times_w():
    run = run_snippet("autograd_and_sympy/checks.py")
    z = 0.5 * 2 - 1.0 * 3 + 2
    slope = sigmoid(z) * (1 - sigmoid(z))
    assert z == 0 and slope == 0.25
    assert run["z_at_point"] == z
    checked = run["logistic_check"]
    torch.testing.assert_close(checked.autograd, torch.tensor([slope * 0.5, slope * -1.0]))  # 0.125, -0.25
    assert checked.exact_sym == [sp.Rational(1, 8), sp.Rational(-1, 4)]
    assert checked.central == pytest.approx([0.125, -0.25], rel=1e-8)


def test_exercise_parameters_gradient_is_sigmoid_slope_times_input():
    run = run_snippet("autograd_and_sympy/checks.py")
    slope = sigmoid(0.0) * (1 - sigmoid(0.0))
    expected = [slope * 2, slope * 3, slope]  # 0.5, 0.75, 0.25
    assert run["parameters_by_hand"] == pytest.approx(expected)
    checked = run["parameters_check"]
    torch.testing.assert_close(checked.autograd, torch.tensor(expected))
    assert checked.exact_sym == [sp.Rational(1, 2), sp.Rational(3, 4), sp.Rational(1, 4)]


def test_exercise_sigmoid_is_steepest_at_0_with_slope_a_quarter():
    run = run_snippet("autograd_and_sympy/checks.py")
    expected = [sigmoid(z) * (1 - sigmoid(z)) for z in range(-6, 7)]
    # 1 − σ(6) cancels in float32: an absolute tolerance suits the tails.
    assert run["slopes"] == pytest.approx(expected, abs=1e-6)
    assert run["largest_slope"] == pytest.approx(0.25)
    assert run["steepest_z"] == 0
    z = sp.Symbol("z")
    assert run["slope_sym"].subs(z, 0) == sp.Rational(1, 4)
