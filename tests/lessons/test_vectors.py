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
    assert "tensor([ 0.,  4.,  8., 12.])" in run.outputs["dot"]
    # After zero_(), the gradient of 2·sum(x) alone: 2 in every entry.
    torch.testing.assert_close(run["x"].grad, torch.full((4,), 2.0))
    assert run["y_sum"].item() == 12.0


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
    torch.testing.assert_close(run["x_again"].grad, expected)


def test_scalar_backward_uses_v_equal_one():
    x = torch.arange(4.0, requires_grad=True)
    (x * x).sum().backward()
    implicit = x.grad.clone()
    x.grad = None
    (x * x).sum().backward(gradient=torch.tensor(1.0))
    torch.testing.assert_close(x.grad, implicit)


# --- stopping gradients --------------------------------------------------------------------


def test_detached_factor_is_a_constant_so_the_gradient_is_c():
    run = run_snippet("vectors/detach.py")
    # run["x"] is the second x (no detach): its gradient is 3x².
    torch.testing.assert_close(run["x"].grad, torch.tensor([3 * v * v for v in X]))
    # The first x's gradient equals c = x², as the page claims.
    torch.testing.assert_close(run["detached_grad"], torch.tensor([v * v for v in X]))
    assert run["c"].tolist() == [v * v for v in X]
    assert not run["c"].requires_grad and run["c"].grad_fn is None


def test_in_place_update_of_a_leaf_that_requires_grad_raises():
    x = torch.tensor(2.0, requires_grad=True)
    (x**2).backward()
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad is being used in an in-place operation"):
        x -= 0.25 * x.grad
    assert "RuntimeError: a leaf Variable that requires grad" in run_snippet("vectors/update.py").outputs["update"]


def test_out_of_place_step_is_no_leaf_gets_no_grad_and_chains_the_graphs():
    x = torch.tensor(2.0, requires_grad=True)
    (x**2).backward()
    stepped = x - 0.25 * x.grad
    assert not stepped.is_leaf and stepped.grad_fn is not None
    again = stepped - 0.25 * x.grad
    assert again.grad_fn.next_functions[0][0] is stepped.grad_fn  # the second step chains onto the first
    with pytest.warns(UserWarning, match="is not a leaf Tensor"):
        (stepped**2).backward()
        assert stepped.grad is None


def test_update_under_no_grad_keeps_the_same_leaf():
    run = run_snippet("vectors/update.py")
    x = run["x"]
    assert x.is_leaf and x.requires_grad and x.grad_fn is None
    assert x.item() == pytest.approx(2.0 - 0.25 * 4.0)  # x ← x − η·2x at x = 2
    assert x.grad.item() == 0.0
    assert not run["stepped"].is_leaf


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


def test_exercise_2_cumsum_vjp_is_the_reversed_running_sum_of_v():
    run = run_snippet("vectors/cumsum.py")
    v = [1.0, 2.0, 3.0, 4.0]
    expected = [sum(v[j:]) for j in range(4)]  # [10, 9, 7, 4]
    assert run["vjp_by_hand"] == pytest.approx(expected)
    torch.testing.assert_close(run["x"].grad, torch.tensor(expected))
    torch.testing.assert_close(run["J"], torch.tril(torch.ones(4, 4)))


# --- a batch in pieces -------------------------------------------------------------------------


def mean_loss_gradient(w, xs):
    """d/dw of the mean of (w·x − 2x)² over xs, by hand: the mean of 2(w − 2)x²."""
    return sum(2 * (w - 2) * x * x for x in xs) / len(xs)


def test_whole_batch_gradient_of_the_mean_loss():
    run = run_snippet("vectors/minibatch.py")
    assert (run["w0"], run["best_w"]) == (1.5, 2.0)
    assert run["full_batch"] == pytest.approx(mean_loss_gradient(1.5, [1, 2, 3, 4]), rel=1e-6)  # -7.5


def test_k_equal_pieces_of_a_mean_loss_give_k_times_the_gradient():
    inputs = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    targets = 2 * inputs
    whole = mean_loss_gradient(1.5, inputs.tolist())
    for k in (1, 2, 3, 6):
        w = torch.tensor(1.5, requires_grad=True)
        for xs, ts in zip(inputs.reshape(k, -1), targets.reshape(k, -1), strict=True):
            ((w * xs - ts) ** 2).mean().backward()
        assert w.grad.item() == pytest.approx(k * whole, rel=1e-6)
    run = run_snippet("vectors/minibatch.py")
    assert run.outputs["two_halves"] == f"{torch.tensor(2 * run['full_batch'])!s}\n"


def test_summed_loss_in_pieces_gives_the_whole_batch_gradient():
    inputs = torch.tensor([1.0, 2.0, 3.0, 4.0])
    w = torch.tensor(1.5, requires_grad=True)
    for xs in inputs.split(2):
        ((w * xs - 2 * xs) ** 2).sum().backward()
    assert w.grad.item() == pytest.approx(4 * mean_loss_gradient(1.5, [1, 2, 3, 4]))  # -30


def test_the_distractors_print_something_else():
    outputs = run_snippet("vectors/minibatch.py").outputs
    choices = [outputs[name] for name in ("two_halves", "scaled_halves", "cleared_between")]
    assert len(set(choices)) == 3
    assert outputs["scaled_halves"] == f"{torch.tensor(-7.5)!s}\n"
    assert outputs["cleared_between"] == f"{torch.tensor(mean_loss_gradient(1.5, [3, 4]))!s}\n"  # the last piece only


def test_exercise_3_unequal_pieces_and_the_scaling_each_needs():
    run = run_snippet("vectors/minibatch.py")
    unscaled = mean_loss_gradient(1.5, [1]) + mean_loss_gradient(1.5, [2, 3, 4])  # -1 - 29/3
    assert run["unscaled"] == pytest.approx(unscaled, rel=1e-6)
    assert run["scales"] == [0.25, 0.75]
    assert run["w"].grad.item() == pytest.approx(mean_loss_gradient(1.5, [1, 2, 3, 4]), rel=1e-6)


# --- two models --------------------------------------------------------------------------------


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def test_linear_gradient_is_the_weight_vector():
    run = run_snippet("vectors/models.py")
    torch.testing.assert_close(run["linear_grad"], torch.tensor([0.5, -1.0]))
    assert run["y"].item() == 0.5 * 2 - 1.0 * 3 + 2


def test_logistic_gradient_is_sigmoid_slope_times_w():
    run = run_snippet("vectors/models.py")
    z = 0.5 * 2 - 1.0 * 3 + 2
    slope = sigmoid(z) * (1 - sigmoid(z))
    assert z == 0 and slope == 0.25
    assert run["z"].item() == z
    assert run["sigma_slope"] == slope
    torch.testing.assert_close(run["logistic_grad"], torch.tensor([slope * 0.5, slope * -1.0]))  # 0.125, -0.25


def test_exercise_4_gradient_with_respect_to_the_parameters_is_sigmoid_slope_times_input():
    run = run_snippet("vectors/models.py")
    w0, w1, b = sp.symbols("w0 w1 b")
    y_hat = 1 / (1 + sp.exp(-(w0 * 2 + w1 * 3 + b)))
    point = {w0: sp.Rational(1, 2), w1: -1, b: 2}
    expected = [sp.diff(y_hat, s).subs(point) for s in (w0, w1, b)]
    assert expected == [sp.Rational(1, 2), sp.Rational(3, 4), sp.Rational(1, 4)]
    assert run["parameters_by_hand"] == pytest.approx([float(e) for e in expected])
    torch.testing.assert_close(run["w"].grad, torch.tensor([0.5, 0.75]))
    torch.testing.assert_close(run["b"].grad, torch.tensor(0.25))
