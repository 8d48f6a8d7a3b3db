"""docs/pytorch_primer.md: shapes, number types, leaves and gradients agree with what is worked out here."""

import math
import struct

import pytest
import torch

from lessonkit import run_snippet


def to_float32(value: float) -> float:
    """The float32 nearest to `value`, rounded as IEEE 754 says, without asking torch."""
    return struct.unpack("f", struct.pack("f", value))[0]


# --- tensors and shapes ------------------------------------------------------------------


def test_a_number_a_vector_and_a_matrix_have_0_1_and_2_dimensions():
    run = run_snippet("pytorch_primer/tensors.py")
    assert run["number"].shape == torch.Size([])
    assert run["vector"].shape == torch.Size([3])
    assert run["matrix"].shape == torch.Size([2, 3])
    assert run.outputs["shape"].splitlines() == [
        "number: dim() = 0, shape = torch.Size([])",
        "vector: dim() = 1, shape = torch.Size([3])",
        "matrix: dim() = 2, shape = torch.Size([2, 3])",
    ]


def test_item_turns_a_one_number_tensor_into_a_python_float():
    run = run_snippet("pytorch_primer/tensors.py")
    assert run["total"].item() == 1.0 + 2.0 + 3.0
    assert isinstance(run["total"].item(), float)
    assert "matrix[1, 2].item(): 6.0" in run.outputs["item"]  # second row, third column
    assert "a Tensor with 3 elements cannot be converted to Scalar" in run.outputs["item"]


# --- number types ------------------------------------------------------------------------


def test_a_decimal_point_gives_float32_and_a_whole_number_gives_int64():
    run = run_snippet("pytorch_primer/dtypes.py")
    assert [t.dtype for t in run["examples"].values()] == [torch.float32, torch.int64, torch.int64, torch.float64]
    assert (run["bits32"], run["bits64"]) == (8 * 4, 8 * 8)  # four and eight bytes


def test_float32_and_float64_round_0_1_plus_0_2_as_ieee_754_says():
    run = run_snippet("pytorch_primer/dtypes.py")
    expected32 = to_float32(to_float32(0.1) + to_float32(0.2))
    assert run["sum32"].dtype == torch.float32
    assert run["sum32"].item() == expected32
    assert run["sum64"].item() == 0.1 + 0.2
    assert run["error32"] == abs(expected32 - 0.3)
    assert 1e-8 < run["error32"] < 2e-8  # wrong in the eighth significant digit, as the prose says
    assert run["error64"] < 1e-16


def test_significant_digits_match_the_24_and_53_bit_significands():
    run = run_snippet("pytorch_primer/dtypes.py")
    assert 10 ** run["digits32"] == pytest.approx(2**24)
    assert 10 ** run["digits64"] == pytest.approx(2**53)
    assert round(run["digits32"]) == 7
    assert round(run["digits64"]) == 16


def test_a_change_below_half_of_float32_epsilon_is_lost():
    run = run_snippet("pytorch_primer/dtypes.py")
    assert run["tiny"] < 2.0**-24  # half the gap between 1 and the next float32
    assert run["tiny"] > 2.0**-53  # but not below half of float64's gap
    assert run["lost32"].item() == 1.0
    assert run["kept64"].item() == 1.0 + 1e-8


# --- requires_grad, leaves and grad_fn ---------------------------------------------------


def test_created_tensors_are_leaves_and_computed_ones_remember_their_operation():
    run = run_snippet("pytorch_primer/graph.py")
    assert (run["x"].is_leaf, run["x"].requires_grad) == (True, True)
    assert (run["c"].is_leaf, run["c"].requires_grad) == (True, False)
    assert (run["y"].is_leaf, type(run["y"].grad_fn).__name__) == (False, "PowBackward0")
    assert (run["z"].is_leaf, type(run["z"].grad_fn).__name__) == (False, "AddBackward0")
    # Computed from an untracked tensor only: nothing recorded, so a leaf.
    assert (run["w"].is_leaf, run["w"].requires_grad, run["w"].grad_fn) == (True, False, None)


def test_an_integer_tensor_cannot_require_a_gradient():
    printed = run_snippet("pytorch_primer/graph.py").outputs["integers"]
    assert printed.startswith("RuntimeError: Only Tensors of floating point")
    with pytest.raises(RuntimeError):
        torch.tensor(3, requires_grad=True)


def test_first_backward_gives_the_slope_of_x_squared_at_3():
    run = run_snippet("pytorch_primer/first_backward.py")
    assert run["x"].item() == 3.0
    torch.testing.assert_close(run["x"].grad, torch.tensor(2 * 3.0))  # d(x²)/dx = 2x
    assert "before backward(): x.grad = None" in run.outputs["backward"]


def test_only_leaves_that_require_a_gradient_receive_one():
    run = run_snippet("pytorch_primer/grads.py")
    printed = run.outputs["leaves_only"]
    assert "x.grad: tensor(18.)" in printed  # z = 3x² + 1, so dz/dx = 6x = 18 at x = 3
    assert "c.grad: None" in printed
    assert "y.grad: None" in printed
    assert issubclass(run["caught"][0].category, UserWarning)
    assert "not a leaf Tensor" in printed


def test_retain_grad_keeps_the_gradient_of_an_intermediate():
    run = run_snippet("pytorch_primer/grads.py")
    torch.testing.assert_close(run["y"].grad, torch.tensor(3.0))  # dz/dy for z = 3y + c
    torch.testing.assert_close(run["x"].grad, torch.tensor(3.0 * 2 * 3.0))  # dz/dy · dy/dx


# --- exercises ---------------------------------------------------------------------------


def test_exercise_1_a_batch_of_four_28_by_28_images():
    run = run_snippet("pytorch_primer/exercise_batch.py")
    assert run["images"].shape == torch.Size([4, 28, 28])
    assert run["dims"] == 3
    assert run["count"] == math.prod([4, 28, 28])


def test_exercise_2_division_gives_floats_and_float64_wins():
    run = run_snippet("pytorch_primer/exercise_dtypes.py")
    assert run["halves"].dtype == torch.float32
    assert run["halves"].tolist() == [0.5, 1.0, 1.5]
    assert run["doubles"].dtype == torch.int64
    assert run["doubles"].tolist() == [2, 4, 6]
    assert run["mixed"].dtype == torch.float64
    assert run["mixed"].tolist() == [2.0, 4.0]


def test_exercise_3_only_a_and_the_retained_c_have_gradients():
    run = run_snippet("pytorch_primer/exercise_leaves.py")
    assert [run[name].is_leaf for name in "abcd"] == [True, True, False, False]
    torch.testing.assert_close(run["a"].grad, torch.tensor(5.0 + 1))  # d = ab + a: slope b + 1
    torch.testing.assert_close(run["c"].grad, torch.tensor(1.0))  # d = c + a
    assert run["b"].grad is None
    assert "d: is_leaf=False  grad=None" in run.outputs["solution"]
