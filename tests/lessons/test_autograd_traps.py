"""docs/autograd_traps.md: each trap does what the page says, checked against the maths and against PyTorch itself."""

import math
import struct

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
