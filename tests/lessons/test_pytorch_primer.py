"""docs/pytorch_primer.md: shapes, number types, leaves and gradients agree with what is worked out here."""

import math
import struct
from fractions import Fraction

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
    assert [line.strip() for line in run.outputs["make"].splitlines() if "dim()" in line] == [
        "dim() = 0, shape = torch.Size([])",
        "dim() = 1, shape = torch.Size([3])",
        "dim() = 2, shape = torch.Size([2, 3])",
    ]


def test_a_tensor_prints_four_decimals_or_just_a_point_when_every_number_is_whole():
    assert str(torch.tensor(2.5)) == "tensor(2.5000)"
    assert str(torch.tensor([1.0, 2.0, 3.0])) == "tensor([1., 2., 3.])"
    assert str(torch.tensor([1.0, 2.5])) == "tensor([1.0000, 2.5000])"  # one non-whole number: four decimals for all
    make = run_snippet("pytorch_primer/tensors.py").outputs["make"]
    assert make.startswith("tensor(2.5000)\n") and "tensor([1., 2., 3.])" in make


def test_indexing_counts_from_0_and_gives_a_tensor():
    run = run_snippet("pytorch_primer/tensors.py")
    vector, matrix = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    assert isinstance(vector[0], torch.Tensor) and vector[0].shape == torch.Size([])
    assert (vector[0].item(), vector[1].item()) == (1.0, 2.0)
    assert matrix[1].tolist() == [4.0, 5.0, 6.0]  # the second row
    assert matrix[1, 2].item() == 6.0  # second row, third column
    assert (run["first"].item(), run["second"].item()) == (1.0, 2.0)
    assert "matrix[1, 2]: tensor(6.)" in run.outputs["item"]


def test_unpacking_a_vector_gives_one_tensor_per_number():
    run = run_snippet("pytorch_primer/tensors.py")
    a, b, c = torch.tensor([1.0, 2.0, 3.0])
    assert all(isinstance(t, torch.Tensor) and t.dim() == 0 for t in (a, b, c))
    assert [run[name].item() for name in "abc"] == [1.0, 2.0, 3.0]
    with pytest.raises(ValueError):
        a, b = torch.tensor([1.0, 2.0, 3.0])  # one name too few
    first_row, second_row = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # a matrix unpacks into rows
    assert (first_row.tolist(), second_row.tolist()) == ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])


def test_unpacking_a_matrix_gives_its_rows():
    first_row, second_row = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    assert first_row.shape == second_row.shape == torch.Size([3])
    run = run_snippet("pytorch_primer/tensors.py")
    assert (run["top"].tolist(), run["bottom"].tolist()) == ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
    assert "top, bottom: tensor([1., 2., 3.]) tensor([4., 5., 6.])" in run.outputs["item"]


def test_star_spreads_a_vector_over_the_arguments():
    run = run_snippet("pytorch_primer/tensors.py")
    assert run["volume"](*torch.tensor([1.0, 2.0, 3.0])).item() == 1.0 * 2.0 * 3.0
    assert "volume(*vector): tensor(6.)" in run.outputs["item"]


def test_item_turns_a_one_number_tensor_into_a_python_float():
    run = run_snippet("pytorch_primer/tensors.py")
    assert run["total"].item() == 1.0 + 2.0 + 3.0
    assert isinstance(run["total"].item(), float)
    assert isinstance(torch.tensor(3).item(), int)  # an integer tensor gives a Python int
    with pytest.raises(RuntimeError, match="a Tensor with 3 elements cannot be converted to Scalar"):
        torch.tensor([1.0, 2.0, 3.0]).item()
    assert "RuntimeError: a Tensor with 3 elements cannot be converted to Scalar" in run.outputs["item"]


# --- number types ------------------------------------------------------------------------


def test_a_decimal_point_gives_float32_and_a_whole_number_gives_int64():
    run = run_snippet("pytorch_primer/dtypes.py")
    assert [t.dtype for t in run["examples"]] == [torch.float32, torch.int64, torch.int64, torch.float64]
    assert (run["bits32"], run["bits64"]) == (8 * 4, 8 * 8)  # four and eight bytes


def test_float32_sum_of_0_1_and_0_2_equals_float32_0_3():
    run = run_snippet("pytorch_primer/dtypes.py")
    assert (run["a"], run["b"], run["total"]) == (0.1, 0.2, 0.3)
    assert run["sum32"].dtype == torch.float32
    assert bool(torch.tensor(0.1) + 0.2 == torch.tensor(0.3))  # the installed torch, again
    # As IEEE 754 rounds it, without torch: round each input to float32, add, round again.
    assert to_float32(to_float32(0.1) + to_float32(0.2)) == to_float32(0.3)
    assert run["sum32"].item() == run["stored32"].item() == to_float32(0.3)


def test_0_1_0_2_and_0_3_are_each_stored_inexactly_in_both_types():
    run = run_snippet("pytorch_primer/dtypes.py")
    for text in ("0.1", "0.2", "0.3"):
        exact = Fraction(text)
        assert Fraction(to_float32(float(text))) != exact  # float32
        assert Fraction(float(text)) != exact  # float64
        assert f"{float(text)} is stored as {to_float32(float(text)):.20f} in float32" in run.outputs["precision"]


def test_float64_sum_of_0_1_and_0_2_is_the_next_float_above_0_3():
    run = run_snippet("pytorch_primer/dtypes.py")
    assert 0.1 + 0.2 != 0.3
    assert math.nextafter(0.3, 1.0) == 0.1 + 0.2
    assert run["sum64"] == 0.1 + 0.2
    assert "the float64 sum is the next float64 above 0.3: True" in run.outputs["precision"]


def test_float32_error_is_the_error_of_storing_0_3():
    run = run_snippet("pytorch_primer/dtypes.py")
    stored = Fraction(to_float32(0.3))
    assert run["error32"] == pytest.approx(float(abs(stored - Fraction(3, 10))), rel=1e-6)
    assert 1e-8 < run["error32"] < 2e-8  # in the eighth significant digit, as the prose says


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
    eps32 = torch.finfo(torch.float32).eps
    assert bool(torch.tensor(1.0) + 1e-8 == 1.0)
    assert bool(torch.tensor(1.0) + 0.6 * eps32 != 1.0)  # just over half the gap rounds up


# --- requires_grad, leaves and grad_fn ---------------------------------------------------


def test_created_tensors_are_leaves_and_computed_ones_remember_their_operation():
    run = run_snippet("pytorch_primer/graph.py")
    assert (run["x"].is_leaf, run["x"].requires_grad) == (True, True)
    assert (run["c"].is_leaf, run["c"].requires_grad) == (True, False)
    assert (run["y"].is_leaf, type(run["y"].grad_fn).__name__) == (False, "PowBackward0")
    assert (run["z"].is_leaf, type(run["z"].grad_fn).__name__) == (False, "AddBackward0")
    # Computed from an untracked tensor only: nothing recorded, so a leaf.
    assert (run["q"].is_leaf, run["q"].requires_grad, run["q"].grad_fn) == (True, False, None)


def test_an_integer_tensor_cannot_require_a_gradient():
    printed = run_snippet("pytorch_primer/graph.py").outputs["integers"]
    assert printed.startswith("RuntimeError: Only Tensors of floating point")
    with pytest.raises(RuntimeError, match="Only Tensors of floating point and complex dtype"):
        torch.tensor(3, requires_grad=True)


def test_a_complex_tensor_can_require_a_gradient():
    assert torch.tensor(1 + 2j, requires_grad=True).requires_grad


def test_a_float_computed_from_a_tracked_tensor_is_tracked_and_a_comparison_is_not():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    assert (x * 2).requires_grad and (x.round()).requires_grad
    assert not (x > 0).requires_grad  # a bool tensor: nothing to differentiate


def test_a_second_backward_adds_to_grad():
    x = torch.tensor(3.0, requires_grad=True)
    (x**2).backward()
    (x**2).backward()
    assert x.grad.item() == 2 * (2 * 3.0)


def test_each_input_gets_its_own_gradient_two_and_three_for_2x1_plus_3x2():
    x1, x2 = torch.tensor(4.0, requires_grad=True), torch.tensor(5.0, requires_grad=True)
    (2 * x1 + 3 * x2).backward()
    assert (x1.grad.item(), x2.grad.item()) == (2.0, 3.0)
    run = run_snippet("pytorch_primer/first_backward.py")
    assert (run["x1"].item(), run["x2"].item()) == (4.0, 5.0)  # the seed's point
    assert (run["x1"].grad.item(), run["x2"].grad.item()) == (2.0, 3.0)  # the factors in front of each
    assert run["z"].item() == 2 * 4.0 + 3 * 5.0


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


def test_no_grad_gives_a_tensor_with_no_history():
    x = torch.tensor(3.0, requires_grad=True)
    with torch.no_grad():
        inside = x * 2
    assert (inside.requires_grad, inside.grad_fn, inside.is_leaf) == (False, None, True)
    run = run_snippet("pytorch_primer/no_grad.py")
    assert (run["inside"].requires_grad, run["inside"].grad_fn) == (False, None)
    assert run["inside"].item() == 6.0


def test_detach_gives_the_same_numbers_with_no_history():
    x = torch.tensor(3.0, requires_grad=True)
    detached = (x * 2).detach()
    assert (detached.requires_grad, detached.grad_fn, detached.is_leaf) == (False, None, True)
    run = run_snippet("pytorch_primer/no_grad.py")
    assert run["detached"].item() == run["tracked"].item() == 6.0
    assert type(run["tracked"].grad_fn).__name__ == "MulBackward0"
    assert run["detached"].grad_fn is None


def test_no_grad_switches_recording_back_on_after_the_block():
    with torch.no_grad():
        assert not torch.is_grad_enabled()
    assert torch.is_grad_enabled()
    assert run_snippet("pytorch_primer/no_grad.py").outputs["stop"].endswith("after the block: True\n")


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


def test_dividing_integers_gives_the_default_float_type_but_not_always():
    assert (torch.tensor([1, 2, 3]) / 2).dtype == torch.get_default_dtype() == torch.float32
    assert (torch.tensor([1, 2, 3]) / torch.tensor([2, 2, 2])).dtype == torch.float32
    # Not "always float32": an integer tensor divided by a float64 one gives float64.
    assert (torch.tensor([1, 2, 3]) / torch.tensor(2.0, dtype=torch.float64)).dtype == torch.float64
    assert (torch.tensor([1.0, 2.0], dtype=torch.float64) / 2).dtype == torch.float64


def test_a_python_float_leaves_a_float32_vector_float32():
    run = run_snippet("pytorch_primer/exercise_dtypes.py")
    assert run["scalar"].dtype == torch.float32
    assert run["scalar"].tolist() == [2.0, 3.0]
    assert "scalar: tensor([2., 3.]) -> torch.float32" in run.outputs["solution"]


def test_a_zero_dim_float64_tensor_leaves_a_float32_vector_float32():
    assert (torch.tensor([1.0, 2.0]) + torch.tensor(1.0, dtype=torch.float64)).dtype == torch.float32
    assert (torch.tensor([1.0, 2.0]) + 1.0).dtype == torch.float32  # like a Python float
    assert (torch.tensor(1.0) + torch.tensor(1.0, dtype=torch.float64)).dtype == torch.float64  # both without dims
    run = run_snippet("pytorch_primer/exercise_dtypes.py")
    assert run["single"].dtype == torch.float32
    assert run["single"].tolist() == [2.0, 3.0]


def test_exercise_3_only_a_and_the_retained_c_have_gradients():
    run = run_snippet("pytorch_primer/exercise_leaves.py")
    assert [run[name].is_leaf for name in "abcd"] == [True, True, False, False]
    torch.testing.assert_close(run["a"].grad, torch.tensor(5.0 + 1))  # d = ab + a: slope b + 1
    torch.testing.assert_close(run["c"].grad, torch.tensor(1.0))  # d = c + a
    assert run["b"].grad is None
    assert "d: is_leaf=False  grad=None" in run.outputs["solution"]
