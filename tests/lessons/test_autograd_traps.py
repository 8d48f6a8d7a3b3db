"""docs/autograd_traps.md: each trap does what the page says, checked against the maths and against PyTorch itself."""

import math
import struct

import pytest
import torch

from lessonkit import run_snippet


def float32(value: float) -> float:
    """`value` rounded to the nearest float32, without torch."""
    return struct.unpack("f", struct.pack("f", value))[0]


def test_gradients_add_up_across_backward_calls():
    run = run_snippet("autograd_traps/accumulate.py")
    x = run["x"].item()
    assert run["after_one"] == 2 * x  # d(x²)/dx
    assert run["after_two"] == 2 * (2 * x)  # added twice
    printed = run.outputs["clear"].splitlines()
    assert printed[0].startswith("AttributeError:")  # zero_() on a gradient that does not exist yet
    assert printed[1].endswith(str(torch.tensor(0.0)))
    assert printed[2].endswith("None") and printed[3].endswith("None")
    assert run["x"].grad is None  # what optimizer.zero_grad() left


def test_a_freed_graph_cannot_be_walked_twice():
    run = run_snippet("autograd_traps/twice.py")
    assert run.outputs["second_backward"].startswith("RuntimeError: Trying to backward through the graph a second time")
    assert run.outputs["retain_graph"] == f"x.grad = {torch.tensor(2 * (2 * 3.0))!r}\n"  # 2x, twice
    assert run["x"].grad.item() == 2.0  # the addition: slope 1, twice


def test_an_in_place_change_of_a_saved_result_is_refused():
    run = run_snippet("autograd_traps/in_place.py")
    printed = run.outputs["in_place"]
    assert "modified by an inplace operation" in printed
    assert "is at version 1; expected version 0" in printed
    expected = torch.tensor([math.exp(v) for v in (0.0, 1.0, 2.0)])
    torch.testing.assert_close(run["x"].grad, expected)  # d(e^x + 1)/dx = e^x


def test_only_leaves_keep_their_gradient():
    run = run_snippet("autograd_traps/non_leaf.py")
    assert "y.grad: None" in run.outputs["non_leaf"]
    assert "UserWarning: The .grad attribute of a Tensor that is not a leaf" in run.outputs["non_leaf"]
    x = run["x"].item()
    assert run["y"].grad.item() == 2 * (2 * x)  # z = y², dz/dy = 2y, y = 2x
    assert run["x"].grad.item() == 8 * x  # z = 4x²


def test_integers_cannot_require_grad():
    run = run_snippet("autograd_traps/integers.py")
    assert run.outputs["integer"].startswith("RuntimeError: Only Tensors of floating point")
    assert run["counts"].requires_grad and run["counts"].dtype == torch.float32


def test_no_grad_detach_and_inference_mode_differ():
    run = run_snippet("autograd_traps/switch_off.py")
    x, a, b, c = run["x"], run["a"], run["b"], run["c"]
    assert not (a.requires_grad or b.requires_grad or c.requires_grad)
    assert b.data_ptr() == x.data_ptr() and a.data_ptr() != x.data_ptr()
    assert c.is_inference() and not a.is_inference()
    assert run["w"][0].item() == 10.0  # written through w_detached
    torch.testing.assert_close(x.grad, a)  # d(Σ x·a)/dx = a
    assert run.outputs["inference_later"].startswith("RuntimeError: Inference tensors cannot be saved for backward")


def test_second_derivative_needs_create_graph():
    run = run_snippet("autograd_traps/second_derivative.py")
    assert "does not require grad and does not have a grad_fn" in run.outputs["without_create_graph"]
    x = run["x"].item()
    assert run["df_dx"].item() == 3 * x**2
    assert run["d2f_dx2"].item() == 6 * x


def test_the_graph_keeps_only_the_branch_taken():
    run = run_snippet("autograd_traps/control_flow.py")
    for start, slope in ((2.0, 2 * 2.0), (-2.0, -3.0), (0.5, 1.0), (-0.1, -3.0)):
        x = torch.tensor(start, requires_grad=True)
        run["f"](x).backward()
        assert x.grad.item() == pytest.approx(slope)
    assert run["hand_slope"] == 1.0  # the branch x >= 0 returns x
    assert run["torch_slope"] == 0.0  # PyTorch's choice for abs at 0


def test_gradcheck_passes_in_float64_and_fails_in_float32():
    run = run_snippet("autograd_traps/gradcheck.py")
    assert run.outputs["float64"] == "float64: True\n"
    assert run.outputs["float32"].startswith("GradcheckError: Jacobian mismatch")
    eps = run["eps"]
    (gap32, moved32, quotient32), (gap64, moved64, quotient64) = run["table"]
    assert gap32 == 2.0**-23 and gap64 == 2.0**-52
    # The two points gradcheck compares, rounded to float32, as the page explains:
    moved = float32(1 + eps) - float32(1 - eps)
    assert moved32 == pytest.approx(moved, rel=1e-12)
    assert abs(moved32 - 2 * eps) > 0.01 * 2 * eps  # far from 2·eps ...
    assert moved64 == pytest.approx(2 * eps, rel=1e-9)  # ... unlike float64
    # t³ is steep enough that the quotient is almost 3 · moved / (2 eps): the error comes from the step.
    assert quotient32 == pytest.approx(3 * moved / (2 * eps), rel=1e-3)
    assert quotient64 == pytest.approx(3.0, rel=1e-8)


def test_exercise_accumulate():
    run = run_snippet("autograd_traps/exercise_accumulate.py")
    x = run["x"].item()
    assert run["x"].grad.item() == sum(2 * k * x for k in (1, 2, 3)) == 24.0


def test_exercise_leaf():
    run = run_snippet("autograd_traps/exercise_leaf.py")
    assert run.outputs["diagnosis"].startswith("w.grad: None\nw.is_leaf: False")
    w, features = run["w"], run["features"]
    assert w.is_leaf
    w64, f64 = w.detach().double(), features.double()
    expected = 2 * (w64 @ f64 - 1) * f64
    torch.testing.assert_close(w.grad.double(), expected, rtol=1e-6, atol=1e-6)


def test_exercise_third_derivative():
    run = run_snippet("autograd_traps/exercise_third.py")
    x = run["x"].item()
    assert run["first"].item() == 4 * x**3
    assert run["second"].item() == 12 * x**2
    assert run["third"].item() == 24 * x
