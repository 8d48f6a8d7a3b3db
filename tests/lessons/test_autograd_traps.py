"""docs/autograd_traps.md: each trap does what the page says, checked against the maths and against torch itself.

Each claim is computed again here, with torch called directly, so that a torch release that changes the
behaviour fails the test named after the claim, not only the recording.
"""

import math
import warnings

import pytest
import torch

from lessonkit import run_snippet

FREED = "Trying to backward through the graph a second time"
IN_PLACE = "modified by an inplace operation"


def outputs_of(section: str) -> str:
    snippet, name = section.split(":")
    return run_snippet(snippet).outputs[name]


# Trap 1


def test_backward_adds_into_grad_across_fresh_graphs():
    x = torch.tensor(3.0, requires_grad=True)
    (x**2).backward()
    (x**2).backward()
    assert x.grad.item() == 2 * (2 * 3.0)  # d(x²)/dx = 2x, added twice
    run = run_snippet("autograd_traps/accumulate.py")
    assert run["after_one"] == 2 * 3.0 and run["after_two"] == 2 * (2 * 3.0)
    assert run.outputs["two_backwards"] == f"{torch.tensor(12.0)!r}\n"


def test_zero_on_a_gradient_that_does_not_exist_yet_raises_attribute_error():
    x = torch.tensor(3.0, requires_grad=True)
    assert x.grad is None
    with pytest.raises(AttributeError, match="'NoneType' object has no attribute 'zero_'"):
        x.grad.zero_()
    assert outputs_of("autograd_traps/accumulate.py:clear").startswith("AttributeError:")


def test_zero_keeps_a_tensor_and_optimizer_zero_grad_sets_none():
    x = torch.tensor(3.0, requires_grad=True)
    (x**2).backward()
    x.grad.zero_()
    assert x.grad is not None and x.grad.item() == 0.0
    (x**2).backward()
    torch.optim.SGD([x], lr=0.1).zero_grad()
    assert x.grad is None
    assert run_snippet("autograd_traps/accumulate.py")["x"].grad is None


# Trap 2


def test_a_second_backward_through_the_same_graph_raises():
    x = torch.tensor(3.0, requires_grad=True)
    y = x * x
    y.backward()
    with pytest.raises(RuntimeError, match=FREED):
        y.backward()
    assert x.grad.item() == 2 * 3.0  # the refused pass added nothing to the first one's gradient
    shown = outputs_of("autograd_traps/twice.py:second_backward")
    assert shown.startswith(f"RuntimeError: {FREED}") and shown.endswith(f"\n{torch.tensor(6.0)!r}\n")
    assert outputs_of("autograd_traps/accumulate.py:same_graph_twice").endswith(f"\n{torch.tensor(6.0)!r}\n")


def test_backward_frees_what_the_multiplication_saved():
    x = torch.tensor(3.0, requires_grad=True)
    y = x * x
    assert y.grad_fn._saved_self.item() == 3.0  # saved by the forward pass
    y.backward()
    with pytest.raises(RuntimeError, match="saved tensors after they have already been freed"):
        y.grad_fn._saved_self  # noqa: B018 - reading it is the test


def test_retain_graph_lets_a_second_pass_add():
    x = torch.tensor(3.0, requires_grad=True)
    y = x * x
    y.backward(retain_graph=True)
    y.backward()
    assert x.grad.item() == 2 * (2 * 3.0)
    assert outputs_of("autograd_traps/twice.py:retained") == f"{torch.tensor(12.0)!r}\n"
    assert outputs_of("autograd_traps/twice.py:retained_and_cleared") == f"{torch.tensor(6.0)!r}\n"


def test_a_graph_of_additions_saves_nothing_and_can_be_walked_twice():
    x = torch.tensor(3.0, requires_grad=True)
    y = x + 1
    saved_tensors = [name for name in dir(y.grad_fn) if name.startswith("_saved_") and name != "_saved_alpha"]
    assert saved_tensors == []  # AddBackward0 keeps only its scalar alpha
    y.backward()
    y.backward()
    assert x.grad.item() == 2.0  # slope 1, twice
    printed = outputs_of("autograd_traps/twice.py:retain_graph").splitlines()
    assert printed[0].endswith(str(torch.tensor(12.0))) and printed[1].endswith(str(torch.tensor(2.0)))


# Trap 3


def test_exp_saves_its_result_and_an_in_place_change_raises_the_version():
    x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
    y = x.exp()
    assert y.grad_fn._saved_result.data_ptr() == y.data_ptr()  # the result itself, not a copy
    assert y._version == 0
    y += 1
    assert y._version == 1
    with pytest.raises(RuntimeError, match=f"{IN_PLACE}.*is at version 1; expected version 0"):
        y.sum().backward()
    assert x.grad is None  # the refused pass stored no gradient
    shown = outputs_of("autograd_traps/in_place.py:in_place")
    assert IN_PLACE in shown and shown.endswith("\nNone\n")


def test_a_new_tensor_leaves_the_saved_result_alone():
    x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
    (x.exp() + 1).sum().backward()
    expected = torch.tensor([math.exp(v) for v in (0.0, 1.0, 2.0)])  # d(e^x + 1)/dx = e^x
    torch.testing.assert_close(x.grad, expected)
    torch.testing.assert_close(run_snippet("autograd_traps/in_place.py")["new_tensor_grad"], expected)


def test_writing_through_data_skips_the_version_check_and_gives_a_wrong_gradient():
    x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
    y = x.exp()
    y.data += 1
    assert y._version == 0  # the counter did not move
    y.sum().backward()  # no error ...
    wrong = torch.tensor([math.exp(v) + 1 for v in (0.0, 1.0, 2.0)])  # ... and the gradient is e^x + 1
    torch.testing.assert_close(x.grad, wrong)
    torch.testing.assert_close(run_snippet("autograd_traps/in_place.py")["data_grad"], wrong)


# Trap 4


def test_only_leaves_keep_their_gradient_and_reading_a_non_leaf_grad_warns():
    x = torch.tensor(3.0, requires_grad=True)
    y = 2 * x
    (y**2).backward()
    assert x.is_leaf and not y.is_leaf
    with pytest.warns(UserWarning, match="not a leaf Tensor is being accessed"):
        assert y.grad is None
    assert x.grad.item() == 8 * 3.0  # z = 4x²
    assert outputs_of("autograd_traps/non_leaf.py:non_leaf") == "None\n"


def test_a_leaf_is_a_tensor_no_recorded_operation_made():
    x = torch.tensor(3.0, requires_grad=True)
    assert x.is_leaf and not (2 * x).is_leaf  # created, and computed from one that requires a gradient
    computed = torch.tensor([1.0, 2.0]) * 0.01  # computed, but from a tensor that requires none
    assert computed.is_leaf and computed.requires_grad_().is_leaf
    with torch.no_grad():
        assert (2 * x).is_leaf  # nothing is recorded here
    assert run_snippet("autograd_traps/exercise_leaf.py")["w"].is_leaf  # the page's scale-first weight


def test_retain_grad_keeps_an_intermediate_gradient():
    x = torch.tensor(3.0, requires_grad=True)
    y = 2 * x
    y.retain_grad()
    (y**2).backward()
    assert y.grad.item() == 2 * (2 * 3.0)  # dz/dy = 2y
    assert outputs_of("autograd_traps/non_leaf.py:retain_grad").endswith(f"y.grad: {torch.tensor(12.0)!r}\n")


# Trap 5


def test_integer_tensors_cannot_require_grad():
    with pytest.raises(RuntimeError, match="Only Tensors of floating point and complex dtype can require gradients"):
        torch.tensor([1, 2, 3], requires_grad=True)
    assert torch.tensor([1, 2, 3]).dtype == torch.int64  # no decimal point: integers
    assert torch.tensor([1, 2, 3]).float().requires_grad_().requires_grad
    assert torch.tensor([1j], requires_grad=True).requires_grad  # complex tensors may, as the message says
    assert outputs_of("autograd_traps/integers.py:integer").startswith("RuntimeError: Only Tensors of floating point")


# Exercise 1


def test_a_piece_of_graph_built_before_the_loop_is_freed_by_the_first_backward():
    w, x = torch.tensor(2.0, requires_grad=True), torch.tensor(3.0)
    h = w * x
    ((h - 1) ** 2).backward()
    assert w.grad.item() == 2 * (2.0 * 3.0 - 1) * 3.0  # d(wx − 1)²/dw = 2(wx − 1)x
    with pytest.raises(RuntimeError, match=FREED):
        ((h - 1) ** 2).backward()  # a new square, over the same freed multiplication
    first = f"{torch.tensor(30.0)!r}\n"
    assert outputs_of("autograd_traps/exercise_shared.py:loop").startswith(f"{first}RuntimeError: {FREED}")
    assert outputs_of("autograd_traps/exercise_shared.py:retained") == f"{first}{torch.tensor(60.0)!r}\n"
    assert outputs_of("autograd_traps/exercise_shared.py:fixed") == first * 2


# Exercise 2


def test_a_scaled_weight_is_not_a_leaf_and_an_optimizer_refuses_it():
    w = torch.randn(3, generator=torch.Generator().manual_seed(0), requires_grad=True) * 0.01
    assert not w.is_leaf and w.grad_fn.name() == "MulBackward0"
    with pytest.raises(ValueError, match="can't optimize a non-leaf Tensor"):
        torch.optim.SGD([w], lr=0.1)
    run = run_snippet("autograd_traps/exercise_leaf.py")
    assert run.outputs["diagnosis"] == "None\n"
    assert "\nValueError: can't optimize a non-leaf Tensor\n" in run.outputs["why"]


def test_scaling_first_keeps_the_leaf_and_the_hidden_leaf_gets_scale_times_the_gradient():
    run = run_snippet("autograd_traps/exercise_leaf.py")
    w, features, scale = run["w"], run["features"], run["scale"]
    assert w.is_leaf
    w64, f64 = w.detach().double(), features.double()
    expected = 2 * (w64 @ f64 - 1) * f64  # d(w·f − 1)²/dw
    torch.testing.assert_close(w.grad.double(), expected, rtol=1e-6, atol=1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the leaf's gradient is read without a warning
        torch.testing.assert_close(run["leaf"].grad.double(), scale * expected, rtol=1e-6, atol=1e-8)
