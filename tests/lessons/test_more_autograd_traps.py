"""docs/more_autograd_traps.md: each trap does what the page says, checked against the maths and against PyTorch."""

import struct

import pytest
import torch

from lessonkit import run_snippet


def float32(value: float) -> float:
    """`value` rounded to the nearest float32, without torch."""
    return struct.unpack("f", struct.pack("f", value))[0]


def test_no_grad_detach_and_inference_mode_differ():
    run = run_snippet("more_autograd_traps/switch_off.py")
    x, a, b, c = run["x"], run["a"], run["b"], run["c"]
    assert not (a.requires_grad or b.requires_grad or c.requires_grad)
    assert b.data_ptr() == x.data_ptr() and a.data_ptr() != x.data_ptr()
    assert c.is_inference() and not a.is_inference()
    assert run["w"][0].item() == 10.0  # written through w_detached
    torch.testing.assert_close(x.grad, a)  # d(Σ x·a)/dx = a
    assert run.outputs["inference_later"].startswith("RuntimeError: Inference tensors cannot be saved for backward")


def test_second_derivative_needs_create_graph():
    run = run_snippet("more_autograd_traps/second_derivative.py")
    assert "does not require grad and does not have a grad_fn" in run.outputs["without_create_graph"]
    x = run["x"].item()
    assert run["df_dx"].item() == 3 * x**2
    assert run["d2f_dx2"].item() == 6 * x


def test_the_graph_keeps_only_the_branch_taken():
    run = run_snippet("more_autograd_traps/control_flow.py")
    for start, slope in ((2.0, 2 * 2.0), (-2.0, -3.0), (0.5, 1.0), (-0.1, -3.0)):
        x = torch.tensor(start, requires_grad=True)
        run["f"](x).backward()
        assert x.grad.item() == pytest.approx(slope)
    assert run["hand_slope"] == 1.0  # the branch x >= 0 returns x
    assert run["torch_slope"] == 0.0  # PyTorch's choice for abs at 0


def test_gradcheck_passes_in_float64_and_fails_in_float32():
    run = run_snippet("more_autograd_traps/gradcheck.py")
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


def test_exercise_third_derivative():
    run = run_snippet("more_autograd_traps/exercise_third.py")
    x = run["x"].item()
    assert run["first"].item() == 4 * x**3
    assert run["second"].item() == 12 * x**2
    assert run["third"].item() == 24 * x
