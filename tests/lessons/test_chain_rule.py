"""docs/chain_rule.md: every gradient agrees with the derivative worked out independently here, and every
claim the page makes about what autograd does is asserted against the installed torch."""

import math
import unicodedata
from collections import Counter

import pytest
import sympy as sp
import torch
from mpmath.libmp import prec_to_dps

from lessonkit import run_snippet
from tests.lessons.figures import figure, node


def sigmoid(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def test_warm_up_z_is_2x_squared_plus_3():
    run = run_snippet("chain_rule/warm_up.py")
    assert run["z"].item() == pytest.approx(2 * 3.5**2 + 3)  # 27.5
    torch.testing.assert_close(run["x"].grad, torch.tensor(14.0))  # dz/dx = 4x
    assert run["dz_dx"] == pytest.approx(14.0)


def test_the_hook_on_x_fires_once_with_the_sum_of_both_paths():
    run = run_snippet("chain_rule/warm_up.py")
    received = run["received"]
    assert len(received) == 1  # one call, not one per arrow out of x
    torch.testing.assert_close(received[0], torch.tensor(4 * 3.5))  # dz/dx = 4x
    assert run["per_arrow"] == pytest.approx(2 * 3.5)  # dz/dy · x along each arrow: half the sum
    torch.testing.assert_close(run["x"].grad, received[0])
    assert run.outputs["hook"].count("the hook on x receives") == 1


def test_hook_on_a_leaf_runs_before_the_gradient_goes_into_grad():
    x = torch.tensor(3.5, requires_grad=True)
    seen = []
    x.register_hook(lambda grad: seen.append((grad.item(), x.grad)))
    (2 * (x * x) + 3).backward()
    assert seen == [(14.0, None)]  # called once, with the sum, while x.grad was still empty
    assert x.grad.item() == 14.0


# --- backward() adds into .grad ---------------------------------------------------------------


def test_second_backward_adds_into_grad():
    x = torch.tensor(2.0, requires_grad=True)
    torch.sin(x).backward()
    torch.cos(x).backward()
    assert x.grad.item() == pytest.approx(math.cos(2) - math.sin(2), rel=1e-6)


def test_zero_clears_grad_so_the_next_backward_starts_afresh():
    x = torch.tensor(2.0, requires_grad=True)
    torch.sin(x).backward()
    x.grad.zero_()
    assert x.grad.item() == 0.0
    torch.cos(x).backward()
    assert x.grad.item() == pytest.approx(-math.sin(2), rel=1e-6)


def test_sin_then_cos_as_the_page_shows_it():
    run = run_snippet("chain_rule/accumulate.py")
    assert run["after_sin"] == pytest.approx(math.cos(2), rel=1e-6)  # -0.4161
    assert run["after_cos"] == pytest.approx(math.cos(2) - math.sin(2), rel=1e-6)  # -1.3254
    assert run["after_zero"] == pytest.approx(-math.sin(2), rel=1e-6)  # -0.9093
    # The hook sees what each call computed, not what .grad holds.
    assert run["this_pass"] == pytest.approx([math.cos(2), -math.sin(2), -math.sin(2)], rel=1e-6)


# --- partial derivatives: f(x1, x2) = x1² + 3·x1·x2 + x2² at (2, 3) ----------------------------


def test_two_inputs_all_four_methods_give_the_hand_gradient():
    run = run_snippet("chain_rule/two_inputs.py")
    x1, x2 = sp.symbols("x1 x2")
    f = x1**2 + 3 * x1 * x2 + x2**2
    expected = [sp.diff(f, s).subs({x1: 2, x2: 3}) for s in (x1, x2)]
    assert expected == [13, 12]
    assert run["by_hand"] == expected
    assert run["exact_sym"] == expected
    formulas = [2 * x1 + 3 * x2, 3 * x1 + 2 * x2]
    assert [sp.expand(a - b) for a, b in zip(run["formulas_sym"], formulas, strict=True)] == [0, 0]
    torch.testing.assert_close(run["x"].grad, torch.tensor([13.0, 12.0]))
    assert run["central"] == pytest.approx([13.0, 12.0], rel=1e-8)


def test_subs_is_exact_and_evalf_is_a_float():
    x1, x2 = sp.symbols("x1 x2")
    formula = 2 * x1 + 3 * x2
    exact, approximate = formula.subs({x1: 2, x2: 3}), formula.evalf(subs={x1: 2, x2: 3})
    assert isinstance(exact, sp.Integer) and exact == 13
    assert isinstance(approximate, sp.Float) and float(approximate) == 13.0
    run = run_snippet("chain_rule/two_inputs.py")
    # A float64 has 53 significant bits, which SymPy shows as prec_to_dps(53) decimal digits.
    assert run["shown_digits"] == prec_to_dps(53) == 15
    assert "13 Integer\n13.0000000000000 Float\n" in run.outputs["partials"]


def test_sympy_names_end_in_sym():
    """The page announces that names ending in _sym hold SymPy objects; the code keeps to it."""
    for snippet in ("chain_rule/two_inputs.py", "chain_rule/checks.py"):
        for name, value in run_snippet(snippet).namespace.items():
            if isinstance(value, sp.Basic):
                assert name.endswith("_sym"), f"{snippet}: {name} holds a SymPy object"


def test_zero_width_space_is_a_syntax_error_before_any_code_runs():
    ran = []
    cell = "ran.append(1)\nimport sympy as sp\u200b\n"
    with pytest.raises(SyntaxError, match="invalid non-printable character U\\+200B") as error:
        exec(compile(cell, "<cell>", "exec"), {"ran": ran})
    assert error.value.lineno == 2
    assert ran == []  # the first line never ran
    run = run_snippet("chain_rule/invisible.py")
    assert unicodedata.name(run["cell"][-2]) == "ZERO WIDTH SPACE"
    assert "SyntaxError: invalid non-printable character U+200B" in run.outputs["zero_width_space"]


# --- one check for any function ----------------------------------------------------------------


def test_check_gradient_catches_a_wrong_derivative_method():
    check_gradient = run_snippet("chain_rule/checks.py")["check_gradient"]
    # A function whose torch version differs from its sympy and math versions cannot pass.
    with pytest.raises(AssertionError):
        check_gradient(lambda lib, x1: x1**3 if lib is torch else x1**2, (2,))


def test_central_difference_evaluates_f_twice_per_input_and_autograd_once():
    check_gradient = run_snippet("chain_rule/checks.py")["check_gradient"]
    calls = Counter()

    def f(lib, x1, x2, x3):
        calls[lib.__name__] += 1
        return x1 * x2 + x2 * x3

    checked = check_gradient(f, (1, 2, 3))
    assert calls == {"math": 2 * 3, "torch": 1, "sympy": 1}
    torch.testing.assert_close(checked.autograd, torch.tensor([2.0, 4.0, 2.0]))  # all three from one backward()


def test_rational_keeps_a_float_without_rounding():
    assert sp.Rational(0.5) == sp.Rational(1, 2)
    # 0.1 is not exactly a tenth in binary: Rational keeps the float's exact value, not 1/10.
    assert sp.Rational(0.1) != sp.Rational(1, 10)
    assert float(sp.Rational(0.1)) == 0.1


def test_the_typo_fools_all_three_but_not_the_hand_derivative():
    run = run_snippet("chain_rule/checks.py")
    typo = run["typo"]
    # x1² + 3·x1·x2 + 2·x2: ∂/∂x1 = 2x1 + 3x2 = 13, ∂/∂x2 = 3x1 + 2 = 8
    assert typo.exact_sym == [13, 8]
    torch.testing.assert_close(typo.autograd, torch.tensor([13.0, 8.0]))
    assert typo.central == pytest.approx([13.0, 8.0], rel=1e-8)
    assert run["by_hand"] == [13, 12]  # the intended f: 2x1 + 3x2, 3x1 + 2x2


# --- exercises ---------------------------------------------------------------------------------


def test_q1_sums_both_paths():
    run = run_snippet("chain_rule/q1.py")
    torch.testing.assert_close(run["a"].grad, torch.tensor(64.0))  # 2·2 + 3·10a at a = 2
    assert run["dz_da"] == pytest.approx(64.0)


def test_relu_slope_at_zero_depends_on_how_it_is_written():
    slopes = {}
    for name, relu in {
        "relu": torch.relu,
        "clamp": lambda x: x.clamp(min=0),
        "maximum": lambda x: torch.maximum(x, torch.zeros(())),
    }.items():
        x = torch.tensor(0.0, requires_grad=True)
        relu(x).backward()
        slopes[name] = x.grad.item()
    assert slopes == {"relu": 0.0, "clamp": 1.0, "maximum": 0.5}


def test_q2_relu_passes_x_through():
    run = run_snippet("chain_rule/q2.py")
    torch.testing.assert_close(run["w"].grad, torch.tensor(3.0))
    assert run["da_dw"] == pytest.approx(3.0)


def test_q3_sigmoid_gradient_is_small_when_saturated():
    run = run_snippet("chain_rule/q3.py")
    expected = sigmoid(7.0) * (1 - sigmoid(7.0)) * 2.0
    # 1 − σ(7) ≈ 0.0009 cancels in float32, leaving about four significant digits.
    assert run["w"].grad.item() == pytest.approx(expected, rel=1e-4)
    assert run["w"].grad.item() == pytest.approx(0.0018, abs=5e-5)
    assert run["da_dz"].item() == pytest.approx(sigmoid(7.0) * (1 - sigmoid(7.0)), rel=1e-3)


def test_q4_exponential_of_three_paths():
    run = run_snippet("chain_rule/q4.py")
    x = 0.2
    expected = -(2 * x + 2 + math.cos(x)) * math.exp(-(x * x + 2 * x + math.sin(x)))
    assert run["x"].grad.item() == pytest.approx(expected, rel=1e-5)
    assert run["x"].grad.item() == pytest.approx(-1.7847, abs=5e-5)
    torch.testing.assert_close(run["df_dx_recorded"], run["df_dx"])


def test_no_grad_leaves_the_hand_result_without_grad_fn():
    x = torch.tensor(0.2, requires_grad=True)
    with torch.no_grad():
        plain = -torch.exp(-x) * torch.cos(x)
    recorded = -torch.exp(-x) * torch.cos(x)
    assert plain.grad_fn is None and not plain.requires_grad
    assert recorded.grad_fn is not None and recorded.requires_grad
    run = run_snippet("chain_rule/q4.py")
    assert run["df_dx"].grad_fn is None
    assert run["df_dx_recorded"].grad_fn is not None


def test_hand_arithmetic_after_f_does_not_change_x_grad():
    grads = []
    for record in (False, True):
        x = torch.tensor(0.2, requires_grad=True)
        f = torch.exp(-(x * x + 2 * x + torch.sin(x)))
        with torch.set_grad_enabled(record):
            _ = -f * (2 * x + 2 + torch.cos(x))  # the hand slope, recorded or not
        f.backward()
        grads.append(x.grad.item())
    assert grads[0] == grads[1]


def test_recorded_hand_result_would_pass_gradients_to_x():
    x = torch.tensor(0.2, requires_grad=True)
    recorded = -torch.exp(-x) * torch.cos(x)
    with torch.no_grad():
        plain = -torch.exp(-x) * torch.cos(x)
    recorded.backward()  # a later use of the recorded result reaches x
    assert x.grad.item() == pytest.approx(math.exp(-0.2) * (math.cos(0.2) + math.sin(0.2)), rel=1e-6)
    with pytest.raises(RuntimeError, match="does not require grad"):
        plain.backward()  # the no_grad one reaches nothing


def test_q5_backward_per_term_adds_up_to_the_slope_of_the_sum():
    run = run_snippet("chain_rule/q5.py")
    slopes = [6, 14 * 2, 9 * 2**2, 32 * 2**3]  # n·c·x^(n−1) for each term c·x^n at x = 2
    assert run["slopes"] == pytest.approx(slopes)
    running = [sum(slopes[: i + 1]) for i in range(4)]  # 6, 34, 70, 326
    assert run["running"] == pytest.approx(running)
    x = sp.Symbol("x")
    assert sp.diff(6 * x + 7 * x**2 + 3 * x**3 + 8 * x**4 + 3, x).subs(x, 2) == running[-1]
    torch.testing.assert_close(run["x"].grad, torch.tensor(326.0))


def test_q6_each_partial_matches_its_own_gradient():
    run = run_snippet("chain_rule/q6.py")
    x, y, z = 1.0, 2.0, 1.0
    d = 2 * x / math.sin(y) * z
    df_dc = (1 - math.tanh(math.log(d + 1)) ** 2) / (d + 1) * z
    expected_dx = df_dc * 2 / math.sin(y)
    expected_dy = df_dc * (-2 * x / math.sin(y) ** 2) * math.cos(y)
    assert run["x"].grad.item() == pytest.approx(expected_dx, rel=1e-5)  # 0.2229
    assert run["y"].grad.item() == pytest.approx(expected_dy, rel=1e-5)  # 0.1020
    assert run["x"].grad.item() == pytest.approx(0.2229, abs=5e-5)
    assert run["y"].grad.item() == pytest.approx(0.1020, abs=5e-5)


def test_assert_close_raises_on_the_slip_and_says_by_how_much():
    run = run_snippet("chain_rule/q6.py")
    with pytest.raises(AssertionError, match="Absolute difference"):
        torch.testing.assert_close(run["x"].grad, run["df_dy"])
    torch.testing.assert_close(run["x"].grad, run["df_dx"])
    torch.testing.assert_close(run["y"].grad, run["df_dy"])
    assert run.outputs["the_slip"].startswith("AssertionError: Scalars are not close!")


# --- the figures: graphs of what autograd really recorded ---------------------------------


def test_warm_up_graph_x_feeds_one_multiplication_twice():
    warm_up = figure("chain_rule", "warm_up_graph").data["graph"]  # y = x * x; z = 2 * y + 3
    assert warm_up.links() == Counter(
        {
            ("x", "MulBackward0"): 2,
            ("MulBackward0", "MulBackward0"): 1,
            ("MulBackward0", "AddBackward0"): 1,
            ("AddBackward0", "z"): 1,
        }
    )
    square, double, add = warm_up.operations()
    assert (square.output, square.step, double.step, add.step) == ("y", 3, 2, 1)
    # Each of the two arrows out of x carries dz/dy · x = 2 · 3.5; x.grad is their sum.
    assert [edge.grad.item() for edge in warm_up.edges if edge.source.name == "x"] == [7.0, 7.0]
    torch.testing.assert_close(node(warm_up, "x").grad, run_snippet("chain_rule/warm_up.py")["x"].grad)


def test_q6_graph_forks_at_the_division_and_matches_the_lesson():
    q6 = figure("chain_rule", "q6_graph").data["graph"]
    assert q6.links() == Counter(
        {
            ("x", "MulBackward0"): 1,
            ("y", "SinBackward0"): 1,
            ("MulBackward0", "DivBackward0"): 1,
            ("SinBackward0", "DivBackward0"): 1,
            ("DivBackward0", "MulBackward0"): 1,
            ("z", "MulBackward0"): 1,
            ("MulBackward0", "AddBackward0"): 1,
            ("AddBackward0", "LogBackward0"): 1,
            ("LogBackward0", "TanhBackward0"): 1,
            ("TanhBackward0", "f"): 1,
        }
    )
    lesson = run_snippet("chain_rule/q6.py")
    for leaf in "xyz":
        torch.testing.assert_close(node(q6, leaf).grad, lesson[leaf].grad)
