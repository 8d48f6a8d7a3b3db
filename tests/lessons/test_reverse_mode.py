"""docs/reverse_mode.md: every gradient, Jacobian and count agrees with one worked out here, in float64 or by hand."""

import math
import subprocess
import sys
import warnings

import pytest
import torch
from torch.func import jvp, vjp

from lessonkit import run_snippet


@pytest.fixture(scope="module")
def gradient():
    return run_snippet("reverse_mode/gradient.py")


def quietly_jvp(*args):
    # The first jvp of a process warns from inside torch (see the test at the end); these tests look at values.
    with warnings.catch_warnings(action="ignore", category=DeprecationWarning):
        return jvp(*args)


def closed_form_gradient(X, t, w):
    """∂L/∂w_j = (2/B) Σ_k (x_k · w − t_k) X_kj, in Python floats."""
    rows, targets, weights = X.tolist(), t.tolist(), w.tolist()
    predictions = [sum(a * b for a, b in zip(row, weights, strict=True)) for row in rows]
    residuals = [p - tk for p, tk in zip(predictions, targets, strict=True)]
    B = len(rows)
    return [2 / B * sum(r * row[j] for r, row in zip(residuals, rows, strict=True)) for j in range(len(weights))]


# --- one loss, three gradients -------------------------------------------------------------


def test_the_three_gradients_agree_with_the_closed_form(gradient):
    expected = torch.tensor(closed_form_gradient(gradient["X"], gradient["t"], gradient["w"]), dtype=torch.float64)
    assert (gradient["n"], gradient["B"]) == (6, 8)
    # Central differences: exact on paper for a quadratic, so only round-off of about ε|L|/h is left.
    torch.testing.assert_close(gradient["gradient_differences"], expected, rtol=0, atol=1e-8)
    torch.testing.assert_close(gradient["gradient_forward"], expected, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(gradient["gradient_reverse"], expected, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(gradient["closed_form"], expected, rtol=1e-12, atol=1e-12)


def test_backward_gives_the_same_gradient_as_vjp(gradient):
    expected = torch.tensor(closed_form_gradient(gradient["X"], gradient["t"], gradient["w"]), dtype=torch.float64)
    torch.testing.assert_close(gradient["w_leaf"].grad, expected, rtol=1e-12, atol=1e-12)


def test_the_data_come_from_their_own_generator(gradient):
    state = torch.get_rng_state()
    _, w1, X1, t1 = gradient["linear_model_loss"](6)
    _, w2, X2, t2 = gradient["linear_model_loss"](6)
    assert torch.equal(state, torch.get_rng_state())  # the global stream is untouched
    assert torch.equal(X1, X2) and torch.equal(t1, t2) and torch.equal(w1, w2)
    assert torch.equal(X1, gradient["X"])


def test_jvp_returns_the_value_and_the_directional_derivative():
    w = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64)
    u = torch.tensor([1.0, 2.0, -1.0], dtype=torch.float64)
    value, slope = quietly_jvp(lambda v: (torch.sin(v) * v).sum(), (w,), (u,))
    assert value.item() == pytest.approx(sum(math.sin(a) * a for a in w.tolist()))
    by_hand = sum((math.cos(a) * a + math.sin(a)) * b for a, b in zip(w.tolist(), u.tolist(), strict=True))
    assert slope.item() == pytest.approx(by_hand, rel=1e-12)


# --- the counts --------------------------------------------------------------------------------


def counter(f):
    calls = []

    def counted(*args):
        calls.append(1)
        return f(*args)

    return counted, calls


def test_each_jvp_evaluates_f_once():
    f, calls = counter(lambda v: (v**2).sum())
    w = torch.ones(5)
    for u in torch.eye(5)[:3]:
        quietly_jvp(f, (w,), (u,))
    assert len(calls) == 3


def test_vjp_evaluates_f_once_however_many_backward_passes_follow():
    A = torch.tensor([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])
    f, calls = counter(lambda v: A @ v)
    _, vjp_fn = vjp(f, torch.tensor([1.0, 1.0]))
    rows = [vjp_fn(v)[0] for v in torch.eye(3)]
    assert len(calls) == 1
    torch.testing.assert_close(torch.stack(rows), A)  # row k of J, and J of A x is A


def test_differences_take_2n_evaluations_forward_mode_n_and_reverse_mode_one_plus_one(gradient):
    assert gradient["differences_calls"] == 12 and gradient["forward_calls"] == 6
    assert (gradient["reverse_calls"], gradient["backward_passes"]) == (1, 1)
    assert [row[0] for row in gradient["gradient_table"]] == [1, 2, 4, 8, 16, 32, 64]
    for n, differences, forward, reverse, backward in gradient["gradient_table"]:
        assert (differences, forward, reverse, backward) == (2 * n, n, 1, 1)


def test_a_whole_jacobian_takes_one_forward_pass_per_input_or_one_backward_pass_per_output(gradient):
    for n_out, forward, evaluations, backward in gradient["jacobian_table"]:
        assert (forward, evaluations, backward) == (2, 1, n_out)
    assert (gradient["forward_passes"], gradient["reverse_evaluations"], gradient["reverse_passes"]) == (2, 1, 5)


def test_the_jacobian_of_the_decaying_wave_matches_its_closed_form(gradient):
    a, omega = 0.5, 3.0
    times = [2 * k / 4 for k in range(5)]  # linspace(0, 2, 5)
    expected = [
        [-t * math.exp(-a * t) * math.sin(omega * t), t * math.exp(-a * t) * math.cos(omega * t)] for t in times
    ]
    expected = torch.tensor(expected, dtype=torch.float64)
    torch.testing.assert_close(gradient["J_forward"], expected, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(gradient["J_reverse"], expected, rtol=1e-12, atol=1e-12)
    assert gradient["J_forward"][0].tolist() == [0.0, 0.0]  # t_0 = 0: the wave is 0 whatever a and ω


# --- what a backward pass costs ---------------------------------------------------------------


def matrix_flops(run):
    """FLOPs of the matrix products run() performs, by PyTorch's own counter: 2 per multiply-add."""
    from torch.utils.flop_counter import FlopCounterMode

    with FlopCounterMode(display=False) as counting:
        result = run()
    return result, counting.get_total_flops()


def test_backward_of_a_matrix_product_does_one_product_of_its_size_per_input_needing_a_gradient():
    run = run_snippet("reverse_mode/cost.py")
    B, n_in, n_out = run["B"], run["n_in"], run["n_out"]
    assert run["forward_cost"] == run["backward_w_cost"] == run["backward_x_cost"] == B * n_in * n_out
    assert (run["counted_both"], run["counted_data"]) == (2 * B * n_in * n_out, B * n_in * n_out)
    generator = torch.Generator().manual_seed(3)
    X = torch.randn(B, n_in, generator=generator)
    W = torch.randn(n_out, n_in, generator=generator, requires_grad=True)
    loss, forward = matrix_flops(lambda: ((X @ W.T) ** 2).mean())
    _, backward_w = matrix_flops(loss.backward)
    X.requires_grad_()
    loss, _ = matrix_flops(lambda: ((X @ W.T) ** 2).mean())
    _, backward_both = matrix_flops(loss.backward)
    assert forward == 2 * B * n_in * n_out
    assert backward_w == forward  # only W needs a gradient: one product of the same size
    assert backward_both == 2 * forward  # W and X: two


# --- exercises --------------------------------------------------------------------------------


def test_exercise_1_forward_mode_needs_a_pass_per_weight_and_reverse_a_pass_per_prediction():
    run = run_snippet("reverse_mode/exercises.py")
    assert (run["forward_passes"], run["backward_passes"]) == (run["n"], run["B"]) == (4, 6)
    torch.testing.assert_close(run["J_forward"], run["X"])  # the Jacobian of X w is X
    torch.testing.assert_close(run["J_reverse"], run["X"])


def test_exercise_2_one_pass_along_all_ones_gives_the_sum_of_the_partial_derivatives():
    run = run_snippet("reverse_mode/exercises.py")
    partials = [2 * w for w in (1.0, 2.0, 3.0)]
    assert run["slope"].item() == pytest.approx(sum(partials))  # 12
    assert run["slope_by_hand"] == pytest.approx(sum(partials))
    assert run.outputs["slope"] == "tensor(12.)\n"
    assert run.outputs["gradient"] == "tensor([2., 4., 6.])\n"
    assert run.outputs["value"] == f"tensor({1 + 4 + 9}.)\n"


def test_exercise_2_choices_print_different_outputs():
    outputs = run_snippet("reverse_mode/exercises.py").outputs
    assert len({outputs["slope"], outputs["gradient"], outputs["value"]}) == 3


def test_exercise_3_backward_does_once_to_twice_the_forward_products():
    run = run_snippet("reverse_mode/exercise_cost.py")
    B, n_in, n_hidden, n_out = 4, 3, 5, 2
    forward = B * n_hidden * n_in + B * n_out * n_hidden
    backward = B * n_out * n_hidden + B * n_hidden * n_out + B * n_hidden * n_in  # W2, H, W1; not X
    assert (run["forward_cost"], run["backward_cost"]) == (forward, backward) == (100, 140)
    X, W1, W2 = run["X"], run["W1"].detach().clone(), run["W2"].detach().clone()
    W1.requires_grad_()
    W2.requires_grad_()
    loss, flops_forward = matrix_flops(lambda: ((torch.tanh(X @ W1.T) @ W2.T) ** 2).mean())
    _, flops_backward = matrix_flops(loss.backward)
    assert (flops_forward, flops_backward) == (2 * forward, 2 * backward)


# --- the warning the snippets silence ---------------------------------------------------------


@pytest.mark.slow
def test_the_first_jvp_in_a_process_warns_from_inside_torch():
    code = (
        "import warnings, torch\n"
        "from torch.func import jvp\n"
        "with warnings.catch_warnings(record=True) as first:\n"
        "    warnings.simplefilter('always')\n"
        "    jvp(torch.sin, (torch.zeros(()),), (torch.ones(()),))\n"
        "with warnings.catch_warnings(record=True) as second:\n"
        "    warnings.simplefilter('always')\n"
        "    jvp(torch.sin, (torch.zeros(()),), (torch.ones(()),))\n"
        "print([(w.category.__name__, str(w.message), w.filename) for w in first])\n"
        "print(len(second))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = done.stdout.splitlines()
    assert "DeprecationWarning" in first and "torch.jit.script" in first and "/torch/" in first
    assert second == "0"
