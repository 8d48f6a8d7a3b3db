"""docs/more_autograd_traps.md: each trap does what the page says, checked against the maths and against torch.

Each claim is computed again here, with torch called directly (or by hand, for float32 rounding), so that a
torch release that changes the behaviour fails the test named after the claim, not only the recording.
"""

import inspect
import math
import re
import struct
import warnings
from fractions import Fraction

import pytest
import torch
from torch.autograd.gradcheck import GradcheckError

from lessonkit import run_snippet

IN_PLACE = "modified by an inplace operation"
NO_GRAD_FN = "element 0 of tensors does not require grad and does not have a grad_fn"


def float32(value: float) -> float:
    """`value` rounded to the nearest float32, without torch."""
    return struct.unpack("f", struct.pack("f", value))[0]


def outputs_of(section: str) -> str:
    snippet, name = section.split(":")
    return run_snippet(snippet).outputs[name]


# Trap 6


def test_the_four_ways_give_a_value_without_history():
    x = torch.tensor(2.0, requires_grad=True)
    with torch.no_grad():
        a = x**2
    with torch.inference_mode():
        c = x**2
    x_off = torch.tensor(2.0, requires_grad=True).requires_grad_(False)
    for t in (a, x.detach() ** 2, c, x_off**2):
        assert t.item() == 4.0 and not t.requires_grad and t.grad_fn is None
    assert c.is_inference() and not a.is_inference()
    run = run_snippet("more_autograd_traps/switch_off.py")
    assert run["a"].item() == run["detached"].item() == run["c"].item() == run["untracked"].item() == 2.0**2


def test_detach_shares_memory_and_the_version_counter():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    detached = w.detach()
    assert detached.data_ptr() == w.data_ptr()
    detached[0] = 10.0
    assert w[0].item() == 10.0 and w._version == 1  # written through, counted on w
    assert run_snippet("more_autograd_traps/switch_off.py")["w"][0].item() == 10.0


def test_an_inference_tensor_has_no_version_counter():
    with torch.inference_mode():
        c = torch.tensor(2.0, requires_grad=True) ** 2
    with pytest.raises(RuntimeError, match="Inference tensors do not track version counter"):
        c._version  # noqa: B018 - reading it is the test
    assert "version: RuntimeError: Inference tensors do not track version counter" in outputs_of(
        "more_autograd_traps/switch_off.py:three_ways"
    )


def test_no_grad_results_join_a_later_graph_as_constants():
    x = torch.tensor(2.0, requires_grad=True)
    with torch.no_grad():
        a = x**2
    (x * a).backward()
    assert x.grad.item() == 4.0  # d(x·a)/dx = a
    assert outputs_of("more_autograd_traps/switch_off.py:no_grad_mul") == f"{torch.tensor(4.0)!r}\n"


def test_an_inference_tensor_joins_a_graph_when_nothing_saves_it():
    with torch.inference_mode():
        c = torch.tensor(2.0) ** 2
    x = torch.tensor(2.0, requires_grad=True)
    (x + c).backward()  # the addition saves nothing
    assert x.grad.item() == 1.0
    assert outputs_of("more_autograd_traps/switch_off.py:join_later").endswith(f"x + c: {torch.tensor(1.0)!r}\n")


def test_saving_an_inference_tensor_for_backward_is_refused():
    with torch.inference_mode():
        c = torch.tensor(2.0) ** 2
    x = torch.tensor(2.0, requires_grad=True)
    with pytest.raises(RuntimeError, match="Inference tensors cannot be saved for backward"):
        (x * c).backward()  # d(x·c)/dx = c: the multiplication must save c
    shown = outputs_of("more_autograd_traps/switch_off.py:inference_mul")
    assert shown.startswith("RuntimeError: Inference tensors cannot be saved for backward")
    assert shown.endswith("\nNone\n") and x.grad is None  # the refused pass stored no gradient


def test_a_product_of_two_tensors_without_history_cannot_backward():
    with pytest.raises(RuntimeError, match=NO_GRAD_FN):
        (torch.tensor(2.0) * torch.tensor(3.0)).backward()
    assert outputs_of("more_autograd_traps/switch_off.py:untracked_mul") == f"RuntimeError: {NO_GRAD_FN}\nNone\n"


# Trap 7


def test_a_second_derivative_needs_create_graph():
    x = torch.tensor(3.0, requires_grad=True)
    (df_dx,) = torch.autograd.grad(x**3, x)
    assert df_dx.item() == 3 * 3.0**2 and df_dx.grad_fn is None
    with pytest.raises(RuntimeError, match=NO_GRAD_FN):
        torch.autograd.grad(df_dx, x)
    (df_dx,) = torch.autograd.grad(x**3, x, create_graph=True)
    assert df_dx.grad_fn is not None
    (d2f_dx2,) = torch.autograd.grad(df_dx, x)
    assert d2f_dx2.item() == 6 * 3.0  # (x³)'' = 6x
    assert x.grad is None  # autograd.grad leaves .grad alone
    assert (
        outputs_of("more_autograd_traps/second_derivative.py:without_create_graph") == f"RuntimeError: {NO_GRAD_FN}\n"
    )
    assert outputs_of("more_autograd_traps/second_derivative.py:with_create_graph") == f"{torch.tensor(18.0)!r}\n"


def test_autograd_grad_frees_the_graph_it_walks():
    x = torch.tensor(3.0, requires_grad=True)
    f = x**3
    torch.autograd.grad(f, x)
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        torch.autograd.grad(f, x)


# Trap 8


def test_the_graph_keeps_only_the_branch_taken():
    run = run_snippet("more_autograd_traps/control_flow.py")
    for start, slope in ((2.0, 2 * 2.0), (-2.0, -3.0), (0.5, 1.0), (-0.1, -3.0), (0.0, -3.0)):
        x = torch.tensor(start, requires_grad=True)
        y = run["f"](x)
        y.backward()
        assert x.grad.item() == pytest.approx(slope)
        assert y.item() == pytest.approx(start**2 if start > 0 else -3 * start)  # no jump at 0: both give 0


def test_at_a_corner_the_slope_depends_on_how_abs_was_written():
    run = run_snippet("more_autograd_traps/control_flow.py")
    slopes = []
    for function in (run["hand_abs"], run["strict_abs"], torch.abs):
        x = torch.tensor(0.0, requires_grad=True)
        function(x).backward()
        slopes.append(x.grad.item())
    assert slopes == [1.0, -1.0, 0.0]  # x >= 0 returns x; x > 0 returns -x; PyTorch's abs gives 0
    assert [run["hand_slope"], run["strict_slope"], run["torch_slope"]] == slopes


# Trap 9


def numerical_column(message: str) -> list[float]:
    """The numerical Jacobian printed in a GradcheckError's message."""
    numerical = message.split("numerical:")[1].split("analytical:")[0]
    return [float(number) for number in re.findall(r"-?\d+\.\d+", numerical)]


def test_gradcheck_passes_in_float64_and_fails_in_float32():
    def g(t):
        return (t * t * t).sum()

    points = [0.5, 1.0, 2.0]
    assert torch.autograd.gradcheck(g, (torch.tensor(points, dtype=torch.float64, requires_grad=True),))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the warning that float32 will likely fail
        with pytest.raises(GradcheckError, match="Jacobian mismatch") as raised:
            torch.autograd.gradcheck(g, (torch.tensor(points, requires_grad=True),))
        assert torch.autograd.gradcheck(g, (torch.tensor(points, requires_grad=True),), eps=1e-3)  # larger step
    assert issubclass(GradcheckError, RuntimeError)
    assert len(numerical_column(str(raised.value))) == 3
    assert outputs_of("more_autograd_traps/gradcheck.py:float64") == "True\n"
    assert outputs_of("more_autograd_traps/gradcheck.py:float32_larger_step").endswith("\nTrue\n")
    printed = outputs_of("more_autograd_traps/gradcheck.py:float32")
    assert printed.startswith("UserWarning: Input #0 requires gradient and is not a double precision")
    assert "GradcheckError: Jacobian mismatch for output 0 with respect to input 0" in printed


def test_gradchecks_step_is_its_eps_argument_and_its_tolerances_are_atol_and_rtol():
    defaults = inspect.signature(torch.autograd.gradcheck).parameters
    assert (defaults["eps"].default, defaults["atol"].default, defaults["rtol"].default) == (1e-6, 1e-5, 1e-3)
    run = run_snippet("more_autograd_traps/gradcheck.py")
    assert (run["h"], run["atol"], run["rtol"]) == (1e-6, 1e-5, 1e-3)


def test_gradchecks_float32_entries_are_whole_numbers_of_output_gaps_over_2h():
    """Derived by hand: round t ± h to float32, cube exactly, round each sum of cubes to the float32 grid."""
    h, points = 1e-6, [0.5, 1.0, 2.0]
    total = sum(Fraction(t) ** 3 for t in points)
    assert total == Fraction(73, 8)  # 9.125, between 8 and 16, where float32 numbers are 2^-20 apart
    gap = 2.0**-20
    assert float32(9.125 + gap) - 9.125 == gap and float32(9.125 + gap / 4) == 9.125
    gaps, unrounded = [], []
    for i, t in enumerate(points):
        lower, upper = list(map(Fraction, points)), list(map(Fraction, points))
        lower[i], upper[i] = Fraction(float32(t - h)), Fraction(float32(t + h))
        low, high = (sum(v**3 for v in side) for side in (lower, upper))
        gaps.append(round(high / Fraction(gap)) - round(low / Fraction(gap)))
        unrounded.append(float((high - low) / (2 * Fraction(h))))
    assert gaps == [2, 6, 24]
    # What gradcheck itself prints, from its error message:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(GradcheckError) as raised:
            torch.autograd.gradcheck(lambda v: (v * v * v).sum(), (torch.tensor(points, requires_grad=True),))
    numerical = numerical_column(str(raised.value))
    analytical = [float(v) for v in re.findall(r"-?\d+\.\d+", str(raised.value).split("analytical:")[1])]
    assert analytical == [3 * t * t for t in points]  # autograd's 3t², to the last printed digit
    assert numerical == pytest.approx([k * gap / (2 * h) for k in gaps], abs=5e-5)
    # Rounding the points alone gives 2.9504 at t = 1; rounding the outputs takes it to 2.8610.
    assert unrounded[1] == pytest.approx(2.9504, abs=5e-5) and numerical[1] == pytest.approx(2.8610, abs=5e-5)
    assert unrounded[2] == pytest.approx(numerical[2], abs=5e-5)  # at t = 2 the points explain it all
    # The replay on the page agrees with all of it.
    run = run_snippet("more_autograd_traps/gradcheck.py")
    assert run["total"] == 9.125 and run["gap"] == gap and run["grid"] == pytest.approx(gap / (2 * h))
    for row, k, t, quotient, exact in zip(run["table"], gaps, points, numerical, unrounded, strict=True):
        apart, replay_gaps, replay_quotient, replay_unrounded, allowed = row
        assert apart == float32(t + h) - float32(t - h)
        assert replay_gaps == k
        assert replay_quotient == pytest.approx(quotient, abs=5e-5)
        assert replay_unrounded == pytest.approx(exact, rel=1e-9)
        assert abs(replay_quotient - 3 * t * t) > allowed == pytest.approx(1e-5 + 1e-3 * abs(replay_quotient))


def test_rounding_the_outputs_moves_a_quotient_by_at_most_one_step_and_the_grid_misses_by_up_to_half():
    run = run_snippet("more_autograd_traps/gradcheck.py")
    grid = run["grid"]
    for (_, _, quotient, unrounded, allowed), t in zip(run["table"], run["points"], strict=True):
        assert abs(quotient - unrounded) <= grid * (1 + 1e-6)  # each output off by at most half a gap
        nearest = min(abs(k * grid - 3 * t * t) for k in range(100))
        assert nearest <= grid / 2 and nearest > allowed  # even the best quotient on the grid fails
    # At t = 0.5 the quotient nearest to 0.75 misses by more than 0.4 of a step: "almost half" happens.
    assert min(abs(k * grid - 0.75) for k in range(10)) > 0.4 * grid


def test_in_float64_the_quotients_miss_by_about_the_output_gap_over_2h():
    run = run_snippet("more_autograd_traps/gradcheck.py")
    gap64 = math.ulp(9.125)  # float64's spacing at the output
    assert run["gap64"] == gap64
    assert run["worst64"] <= gap64 / (2 * 1e-6) + 1e-12  # one gap over 2h, plus the h² of the central difference


# Exercises


def test_exercise_third_derivative():
    run = run_snippet("more_autograd_traps/exercise_third.py")
    x = run["x"].item()
    assert run["first"].item() == 4 * x**3
    assert run["second"].item() == 12 * x**2
    assert run["third"].item() == 24 * x


def test_a_detached_snapshot_changed_in_place_breaks_the_backward_pass_and_data_does_not():
    expected = torch.tensor([math.exp(v) for v in (0.0, 1.0, 2.0)])
    for take, outcome in ((torch.Tensor.detach, "raises"), (torch.Tensor.clone, expected), ("data", expected + 1)):
        x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
        y = x.exp()
        snapshot = y.data if take == "data" else take(y)
        snapshot += 1
        if outcome == "raises":
            with pytest.raises(RuntimeError, match=IN_PLACE):
                y.sum().backward()
        else:
            y.sum().backward()
            torch.testing.assert_close(x.grad, outcome)  # e^x after a clone, e^x + 1 (silently) through .data
    assert IN_PLACE in outputs_of("more_autograd_traps/exercise_snapshot.py:detach")
