"""docs/vectors.md: every gradient, vector-Jacobian product and error agrees with the maths worked out here."""

import math

import pytest
import sympy as sp
import torch

from lessonkit import run_snippet

X = [0.0, 1.0, 2.0, 3.0]


# --- a dot product ---------------------------------------------------------------------


def test_dot_product_value_is_2_x_dot_x():
    run = run_snippet("vectors/dot.py")
    assert run["y"].item() == pytest.approx(2 * sum(v * v for v in X))  # 28
    assert run["y"].grad_fn.name() == "DotBackward0"


def test_dot_product_gradient_is_4x_by_hand_and_by_autograd():
    run = run_snippet("vectors/dot.py")
    expected = [4 * v for v in X]  # [0, 4, 8, 12]
    assert run["gradient_by_hand"] == pytest.approx(expected)
    xs = sp.symbols("x0:4")
    y = 2 * sum(xi**2 for xi in xs)
    assert [sp.diff(y, xi).subs(dict(zip(xs, [0, 1, 2, 3], strict=True))) for xi in xs] == [0, 4, 8, 12]
    assert "tensor([ 0.,  4.,  8., 12.])" in run.outputs["gradient"]


# --- accumulation --------------------------------------------------------------------------


def test_sin_then_cos_accumulates_cos2_minus_sin2():
    run = run_snippet("vectors/accumulate.py")
    assert run["after_sin"] == pytest.approx(math.cos(2), rel=1e-6)  # -0.4161
    assert run["after_cos"] == pytest.approx(math.cos(2) - math.sin(2), rel=1e-6)  # -1.3254
    assert run["both"] == pytest.approx(-1.3254, abs=5e-5)


def test_zero_clears_and_the_next_pass_starts_afresh():
    run = run_snippet("vectors/accumulate.py")
    assert run["after_zero"] == pytest.approx(-math.sin(2), rel=1e-6)  # -0.9093
    torch.testing.assert_close(run["x"].grad, torch.tensor(-math.sin(2)))


def test_without_zero_a_second_function_would_be_added_to_the_dot_gradient():
    # The page's reason for clearing before reusing x: without it, 4x + 2 would be left behind.
    x = torch.arange(4.0, requires_grad=True)
    (2 * x @ x).backward()
    (2 * x.sum()).backward()
    torch.testing.assert_close(x.grad, 4 * x.detach() + 2)


# --- a mean --------------------------------------------------------------------------------


def test_mean_of_squares_and_its_gradient_2x_over_n():
    run = run_snippet("vectors/mean.py")
    values = [1.0, 2.0, 3.0]
    expected = [2 * v / 3 for v in values]  # [0.6667, 1.3333, 2.0]
    assert run["y_by_hand"] == pytest.approx(14 / 3)
    assert run["y"].item() == pytest.approx(14 / 3, rel=1e-6)
    assert run["gradient_by_hand"] == pytest.approx(expected)
    # Central differences are exact for a quadratic up to float64 round-off.
    assert run["gradient_numeric"] == pytest.approx(expected, abs=1e-8)
    torch.testing.assert_close(run["x"].grad, torch.tensor(expected))
    assert "[0.6667, 1.3333, 2.0]" in run.outputs["gradient"]


# --- non-scalar outputs --------------------------------------------------------------------


def test_backward_on_a_vector_needs_a_vector():
    run = run_snippet("vectors/jacobian.py")
    assert "grad can be implicitly created only for scalar outputs" in run.outputs["scalar_only"]
    x = torch.arange(4.0, requires_grad=True)
    with pytest.raises(RuntimeError, match="only for scalar outputs"):
        (x * x).backward()


def test_vector_jacobian_product_with_ones_is_2x():
    run = run_snippet("vectors/jacobian.py")
    expected = torch.tensor([2 * v for v in X])  # [0, 2, 4, 6]
    torch.testing.assert_close(run["x"].grad, expected)
    torch.testing.assert_close(run["J"], torch.diag(expected))
    torch.testing.assert_close(run["x2"].grad, expected)


# --- stopping gradients --------------------------------------------------------------------


def test_detached_factor_is_a_constant_so_the_gradient_is_u():
    run = run_snippet("vectors/detach.py")
    # run["x"] is the second x (no detach): its gradient is 3x².
    torch.testing.assert_close(run["x"].grad, torch.tensor([3 * v * v for v in X]))
    # The first x's gradient equals u = x², as the page claims.
    torch.testing.assert_close(run["detached_grad"], torch.tensor([v * v for v in X]))
    assert run["u"].tolist() == [v * v for v in X]
    assert not run["u"].requires_grad and run["u"].grad_fn is None


@pytest.mark.parametrize("name", ["no_grad", "detach", "requires_grad_(False)"])
def test_each_way_of_switching_off_leaves_nothing_to_follow(name):
    run = run_snippet("vectors/switch_off.py")
    y = run["results"][name]
    assert y.item() == pytest.approx(4.0)
    assert not y.requires_grad and y.grad_fn is None
    with pytest.raises(RuntimeError, match="does not require grad and does not have a grad_fn"):
        y.backward()
    assert f"{name} -> RuntimeError:" in run.outputs["three_ways"]


def test_switching_off_does_not_touch_the_original_leaf():
    run = run_snippet("vectors/switch_off.py")
    assert run["x"].requires_grad and run["x"].grad is None
    assert not run["x_off"].requires_grad


# --- view ----------------------------------------------------------------------------------


def test_view_shares_storage():
    run = run_snippet("vectors/view.py")
    assert run["flat"].data_ptr() == run["grid"].data_ptr()
    assert run["grid"][0, 0].item() == 100.0  # written through the other view
    assert tuple(run["grid"].shape) == (4, 4) and tuple(run["flat"].shape) == (16,)
    torch.testing.assert_close(run["grid"].view(16)[1:], torch.arange(1.0, 16.0))


def test_gradient_through_a_view_comes_back_in_the_leaf_shape():
    run = run_snippet("vectors/view.py")
    torch.testing.assert_close(run["m"].grad, torch.tensor([[2.0, 4.0], [6.0, 8.0]]))


# --- exercises -----------------------------------------------------------------------------


def test_exercise_1_gradient_of_the_norm_is_the_unit_vector():
    run = run_snippet("vectors/norm.py")
    assert run["length"] == pytest.approx(5.0)
    assert run["gradient_by_hand"] == pytest.approx([0.6, 0.8])
    torch.testing.assert_close(run["x"].grad, torch.tensor([0.6, 0.8]))
    a, b = sp.symbols("a b")
    symbolic = [sp.diff(sp.sqrt(a**2 + b**2), s).subs({a: 3, b: 4}) for s in (a, b)]
    assert symbolic == [sp.Rational(3, 5), sp.Rational(4, 5)]


def test_exercise_2_weighted_vjp_is_v_times_2x():
    run = run_snippet("vectors/weighted_vjp.py")
    expected = [v * 2 * x for v, x in zip([1, 2, 3, 4], X, strict=True)]  # [0, 4, 12, 24]
    assert run["vjp_by_hand"] == pytest.approx(expected)
    torch.testing.assert_close(run["x"].grad, torch.tensor(expected))
    torch.testing.assert_close(run["x2"].grad, torch.tensor(expected))


def test_exercise_3_two_halves_add_up_to_the_whole_batch():
    run = run_snippet("vectors/minibatch.py")
    assert (run["w0"], run["best_w"]) == (1.5, 2.0)
    torch.testing.assert_close(run["targets"], 2 * run["inputs"])
    expected = 2 * (1.5 - 2) * sum(x * x for x in [1, 2, 3, 4])  # -30
    assert run["full_batch"] == pytest.approx(expected, rel=1e-6)
    assert run["w"].grad.item() == pytest.approx(expected, rel=1e-6)
    assert run["by_hand"] == pytest.approx(expected)
