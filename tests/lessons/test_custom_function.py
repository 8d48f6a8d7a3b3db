"""docs/custom_function.md: the hand-written Function computes the sigmoid's derivative, gradcheck judges it.

The derivative is computed again here with math in float64, and each claim about torch is checked by calling
torch directly, never by reading the recording.
"""

import math
import re
import warnings

import pytest
import torch
from torch.autograd.gradcheck import GradcheckError

from lessonkit import run_snippet

POINTS, WEIGHTS = [-2.0, 0.0, 3.0], [1.0, 2.0, 3.0]
IN_PLACE = "modified by an inplace operation"


def sigma(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def matrices(message: str) -> tuple[list[float], list[float]]:
    """The numerical and analytical Jacobians of a GradcheckError's message, flattened row by row."""
    numerical, analytical = message.split("numerical:")[1].split("analytical:")
    return [[float(v) for v in re.findall(r"-?\d+\.\d+", part)] for part in (numerical, analytical)]


def test_the_function_computes_the_sigmoid_and_its_backward_weight_times_s_one_minus_s():
    run = run_snippet("custom_function/sigmoid.py")
    z = torch.tensor(POINTS, requires_grad=True)
    s = run["Sigmoid"].apply(z)
    torch.testing.assert_close(s, torch.tensor([sigma(v) for v in POINTS]))
    assert s.grad_fn.name() == "SigmoidBackward"  # named after the class
    (torch.tensor(WEIGHTS) * s).sum().backward()
    expected = [w * sigma(v) * (1 - sigma(v)) for w, v in zip(WEIGHTS, POINTS, strict=True)]
    torch.testing.assert_close(z.grad, torch.tensor(expected))
    torch.testing.assert_close(run["z_torch"].grad, torch.tensor(expected))  # torch.sigmoid agrees


def test_forward_and_backward_are_called_on_the_class_with_one_ctx_per_call():
    contexts = []

    class Sigmoid(torch.autograd.Function):
        @staticmethod
        def forward(ctx, z):
            contexts.append(ctx)
            s = 1 / (1 + torch.exp(-z))
            ctx.save_for_backward(s)
            return s

        @staticmethod
        def backward(ctx, grad_output):
            contexts.append(ctx)
            (s,) = ctx.saved_tensors
            return grad_output * s * (1 - s)

    z = torch.tensor(POINTS, requires_grad=True)
    out = Sigmoid.apply(z)
    out.sum().backward()
    forward_ctx, backward_ctx = contexts
    assert forward_ctx is backward_ctx  # created for the forward, handed to the backward
    assert not isinstance(forward_ctx, Sigmoid)  # no Sigmoid object is ever made
    Sigmoid.apply(z)
    assert contexts[2] is not forward_ctx  # one per call


def test_backward_receives_the_gradient_of_the_loss_with_respect_to_the_output():
    received = []

    class Recording(torch.autograd.Function):
        @staticmethod
        def forward(ctx, z):
            return z * 1.0

        @staticmethod
        def backward(ctx, grad_output):
            received.append(grad_output.clone())
            return grad_output

    z = torch.tensor(POINTS, requires_grad=True)
    (torch.tensor(WEIGHTS) * Recording.apply(z)).sum().backward()
    torch.testing.assert_close(received[0], torch.tensor(WEIGHTS))  # dL/ds = the weights


def test_gradcheck_passes_for_the_hand_written_sigmoid_in_float64():
    run = run_snippet("custom_function/sigmoid.py")
    z64 = torch.tensor(POINTS, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(run["Sigmoid"].apply, (z64,))
    assert run.outputs["gradcheck"] == "True\n"


def test_gradcheck_raises_gradcheck_error_for_a_backward_missing_one_minus_s():
    run = run_snippet("custom_function/sigmoid.py")
    z64 = torch.tensor(POINTS, dtype=torch.float64, requires_grad=True)
    with pytest.raises(GradcheckError, match="Jacobian mismatch for output 0 with respect to input 0") as raised:
        torch.autograd.gradcheck(run["BrokenSigmoid"].apply, (z64,))
    assert issubclass(GradcheckError, RuntimeError)
    numerical, analytical = matrices(str(raised.value))
    diagonal = [0, 4, 8]  # of a 3 x 3 matrix, flattened
    assert [numerical[i] for i in diagonal] == pytest.approx([sigma(v) * (1 - sigma(v)) for v in POINTS], abs=5e-5)
    assert [analytical[i] for i in diagonal] == pytest.approx([sigma(v) for v in POINTS], abs=5e-5)
    assert run.outputs["broken"].startswith("GradcheckError: Jacobian mismatch")
    assert run["sigma_at_zero"] == 0.5 and run["slope_at_zero"] == 0.25


def test_save_for_backward_refuses_an_in_place_change_and_a_ctx_attribute_does_not():
    run = run_snippet("custom_function/sigmoid.py")
    z = torch.tensor(POINTS, requires_grad=True)
    s = run["Sigmoid"].apply(z)
    s += 1
    with pytest.raises(RuntimeError, match=IN_PLACE):
        s.sum().backward()
    z = torch.tensor(POINTS, requires_grad=True)
    s = run["SigmoidKeptOnCtx"].apply(z)
    s += 1
    s.sum().backward()  # no error: the attribute has no version check ...
    wrong = [(sigma(v) + 1) * (1 - (sigma(v) + 1)) for v in POINTS]  # ... and the slope of s + 1 comes back
    torch.testing.assert_close(z.grad, torch.tensor(wrong))


def test_the_composed_sigmoid_gives_nan_far_left_and_the_function_gives_zero():
    run = run_snippet("custom_function/sigmoid.py")
    z = torch.tensor(-100.0, requires_grad=True)
    composed = 1 / (1 + torch.exp(-z))
    assert torch.exp(-z).item() == math.inf and composed.item() == 0.0
    composed.backward()
    assert math.isnan(z.grad.item())
    z = torch.tensor(-100.0, requires_grad=True)
    run["Sigmoid"].apply(z).backward()
    assert z.grad.item() == 0.0
    exact = math.exp(-100.0) / (1 + math.exp(-100.0)) ** 2
    assert run["exact_slope"] == pytest.approx(exact) and abs(z.grad.item() - exact) < 1e-43
    assert run["composed_nodes"] == 5  # neg, exp, add, reciprocal, mul: against one node of ours
    assert run["nodes"] == ["MulBackward0", "ReciprocalBackward0", "AddBackward0", "ExpBackward0", "NegBackward0"]


def test_a_forward_that_leaves_torch_records_no_graph():
    run = run_snippet("custom_function/exercise_tanh.py")
    t = run["tanh_outside_torch"](torch.tensor([0.5], requires_grad=True))
    assert not t.requires_grad and t.grad_fn is None
    with pytest.raises(RuntimeError, match="does not require grad and does not have a grad_fn"):
        t.sum().backward()


def test_exercise_math_tanh_has_gradient_one_minus_tanh_squared_and_passes_gradcheck():
    run = run_snippet("custom_function/exercise_tanh.py")
    expected = [1 - math.tanh(v) ** 2 for v in (0.5, -1.0)]
    torch.testing.assert_close(run["z"].grad, torch.tensor(expected))
    z64 = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(run["MathTanh"].apply, (z64,))


def test_gradcheck_catches_a_backward_that_ignores_grad_output_and_a_plain_sum_does_not():
    run = run_snippet("custom_function/exercise_forgetful.py")
    z64 = torch.tensor(POINTS, dtype=torch.float64, requires_grad=True)
    with pytest.raises(GradcheckError) as raised:
        torch.autograd.gradcheck(run["ForgetfulSigmoid"].apply, (z64,))
    _, analytical = matrices(str(raised.value))
    slopes = [sigma(v) * (1 - sigma(v)) for v in POINTS]
    assert analytical == pytest.approx([slope for slope in slopes for _ in POINTS], abs=5e-5)  # rows repeat
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torch.autograd.gradcheck(run["Sigmoid"].apply, (z64,))
    for weight in (1.0, 3.0):
        z = torch.tensor(POINTS, requires_grad=True)
        (weight * run["ForgetfulSigmoid"].apply(z)).sum().backward()
        torch.testing.assert_close(z.grad, torch.tensor(slopes, dtype=torch.float32))  # weight ignored
    assert run.outputs["correct"] == "True\n"


def test_gradcheck_calls_backward_with_one_hot_grad_outputs_and_lays_inputs_along_rows():
    received = []

    class Square(torch.autograd.Function):
        @staticmethod
        def forward(ctx, z):
            ctx.save_for_backward(z)
            return z * z

        @staticmethod
        def backward(ctx, grad_output):
            received.append(grad_output.tolist())
            (z,) = ctx.saved_tensors
            return 2 * z * grad_output

    assert torch.autograd.gradcheck(Square.apply, (torch.tensor(POINTS, dtype=torch.float64, requires_grad=True),))
    one_hot = [[1.0 if i == j else 0.0 for i in range(3)] for j in range(3)]
    assert all(row in received for row in one_hot)

    class TwoToThree(torch.autograd.Function):  # 2 inputs, 3 outputs, and a backward that returns zeros
        @staticmethod
        def forward(ctx, z):
            return torch.stack([z.sum(), z.prod(), 3 * z[0]])

        @staticmethod
        def backward(ctx, grad_output):
            return torch.zeros(2, dtype=grad_output.dtype)

    with pytest.raises(GradcheckError) as raised:
        torch.autograd.gradcheck(TwoToThree.apply, (torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True),))
    numerical = str(raised.value).split("numerical:")[1].split("analytical:")[0]
    assert numerical.count("[") - 1 == 2  # a row per input entry ...
    assert matrices(str(raised.value))[0] == pytest.approx([1.0, 2.0, 3.0, 1.0, 1.0, 0.0])  # ... a column per output
