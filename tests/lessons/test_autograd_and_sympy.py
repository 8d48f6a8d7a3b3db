"""docs/autograd_and_sympy.md: every derivative the page shows, against formulas worked out here."""

import math

import pytest
import sympy as sp
import torch

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
    assert run["exact"] == expected


def test_two_inputs_sympy_formulas_are_the_hand_formulas():
    run = run_snippet("autograd_and_sympy/two_inputs.py")
    x1, x2 = sp.symbols("x1 x2")
    assert sp.expand(run["df_dx1"] - (2 * x1 + 3 * x2)) == 0
    assert sp.expand(run["df_dx2"] - (3 * x1 + 2 * x2)) == 0
    assert "∂f/∂x1 = 2*x1 + 3*x2" in run.outputs["sympy"]


def test_subs_is_exact_and_evalf_is_a_float():
    run = run_snippet("autograd_and_sympy/two_inputs.py")
    exact, approximate = run["df_dx1"].subs(run["point"]), run["df_dx1"].evalf(subs=run["point"])
    assert isinstance(exact, sp.Integer) and exact == 13
    assert isinstance(approximate, sp.Float) and float(approximate) == 13.0
    assert run.outputs["evalf"] == "13 is Integer\n13.0000000000000 is Float\n"


def test_zero_width_space_reproduces_the_notebook_error():
    run = run_snippet("autograd_and_sympy/invisible.py")
    assert ord(run["cell"][-2]) == 0x200B
    printed = run.outputs["zero_width_space"]
    assert "ZERO WIDTH SPACE" in printed
    assert "SyntaxError: invalid non-printable character U+200B" in printed


def test_square_slope_is_2x():
    run = run_snippet("autograd_and_sympy/square.py")
    torch.testing.assert_close(run["x"].grad, torch.tensor(6.0))
    assert run["dy_dx"] == 2 * sp.Symbol("x")
    assert run["slope"] == pytest.approx(6.0, rel=1e-8)


def test_weighted_sum_partials_are_the_coefficients():
    run = run_snippet("autograd_and_sympy/weighted_sum.py")
    assert (run["a"].grad.item(), run["b"].grad.item()) == (2.0, 3.0)
    assert (run["dz_da"], run["dz_db"]) == (2, 3)
    assert run["fd_a"] == pytest.approx(2.0, rel=1e-8)
    assert run["fd_b"] == pytest.approx(3.0, rel=1e-8)


def test_inner_chain_slope_is_4_times_2x_plus_1():
    run = run_snippet("autograd_and_sympy/inner_chain.py")
    x = sp.Symbol("x")
    assert sp.expand(run["dy_dx"] - 4 * (2 * x + 1)) == 0
    assert str(run["dy_dx"]) == "8*x + 4"  # the page quotes SymPy's own spelling
    torch.testing.assert_close(run["x"].grad, torch.tensor(4 * (2 * 3 + 1.0)))  # 28
    assert run["slope"] == pytest.approx(28.0, rel=1e-8)


def test_linear_gradient_is_the_weight_vector():
    run = run_snippet("autograd_and_sympy/linear.py")
    assert run["y"].item() == pytest.approx(0.5 * 2 - 1.0 * 3 + 2)  # 0
    torch.testing.assert_close(run["x"].grad, torch.tensor([0.5, -1.0]))
    w1, w2 = sp.symbols("w1 w2")
    assert run["grad_formula"] == [w1, w2]
    assert run["grad_exact"] == [sp.Rational(1, 2), -1]
    assert run["fd"] == pytest.approx([0.5, -1.0], rel=1e-8)


def test_logistic_gradient_is_sigmoid_slope_times_w():
    run = run_snippet("autograd_and_sympy/logistic.py")
    z = 0.5 * 2 - 1.0 * 3 + 2
    slope = sigmoid(z) * (1 - sigmoid(z))
    assert z == 0 and slope == 0.25
    assert run["z"].item() == pytest.approx(z, abs=1e-7)
    assert run["y"].item() == pytest.approx(0.5)
    torch.testing.assert_close(run["x"].grad, torch.tensor([slope * 0.5, slope * -1.0]))  # 0.125, -0.25
    assert run["grad_exact"] == [sp.Rational(1, 8), sp.Rational(-1, 4)]
    assert run["fd"] == pytest.approx([0.125, -0.25], rel=1e-8)


def test_exercise_parameters_gradient_is_sigmoid_slope_times_input():
    run = run_snippet("autograd_and_sympy/exercise_parameters.py")
    slope = sigmoid(0.0) * (1 - sigmoid(0.0))
    expected = [slope * 2, slope * 3, slope]  # 0.5, 0.75, 0.25
    torch.testing.assert_close(run["w"].grad, torch.tensor(expected[:2]))
    torch.testing.assert_close(run["b"].grad, torch.tensor(expected[2]))
    assert run["by_hand"] == pytest.approx(expected)
    assert run["grad_exact"] == [sp.Rational(1, 2), sp.Rational(3, 4), sp.Rational(1, 4)]


def test_exercise_sigmoid_identity_and_its_maximum():
    run = run_snippet("autograd_and_sympy/exercise_sigmoid.py")
    z = sp.Symbol("z")
    sigma = 1 / (1 + sp.exp(-z))
    assert sp.simplify(sp.diff(sigma, z) - sigma * (1 - sigma)) == 0
    assert run["gap"] == 0
    grid = [-6.0 + i for i in range(13)]
    expected = torch.tensor([sigmoid(v) * (1 - sigmoid(v)) for v in grid])
    torch.testing.assert_close(run["zs"].grad, expected)
    assert run["largest_slope"] == pytest.approx(0.25)
    assert run["steepest_z"] == 0.0
    assert run["fd_at_0"] == pytest.approx(0.25, rel=1e-8)


def test_exercise_step_forward_misses_by_4h_and_central_only_rounds():
    run = run_snippet("autograd_and_sympy/exercise_step.py")
    x, h = sp.symbols("x h")
    assert sp.expand(run["forward"] - (8 * x + 4 + 4 * h)) == 0
    assert sp.expand(run["central"] - (8 * x + 4)) == 0
    for step, forward_error, central_error in zip(
        run["steps"], run["forward_errors"], run["central_errors"], strict=True
    ):
        assert forward_error == pytest.approx(4 * step, rel=1e-4)
        # No truncation error; rounding in f(3 ± h) ≈ 49 is magnified by 1/h.
        assert abs(central_error) < 100 * 49 * 2**-52 / step
    assert abs(run["central_errors"][-1]) > abs(run["central_errors"][0])  # rounding grows as h shrinks
