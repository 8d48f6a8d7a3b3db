"""docs/maths_toolkit.md: every number the page shows, against closed forms, exact fractions and SymPy."""

import math
from fractions import Fraction

import pytest
import sympy as sp
import torch

from lessonkit import run_snippet


def test_log_values_are_5_ln_2_and_4():
    run = run_snippet("maths_toolkit/logs.py")
    assert run["ln_32"] == pytest.approx(5 * math.log(2), rel=1e-15)
    assert run["ln_32"] == pytest.approx(3.4657, abs=5e-5)
    assert run["log2_16"] == 4.0
    assert run["ln_32_exact"] == 5 * sp.log(2)
    assert run["log2_16_exact"] == 4


def test_log_rules_hold_exactly_at_powers_of_two():
    rules = run_snippet("maths_toolkit/logs.py")["rules"]
    expected = {"product": 4, "quotient": 3, "power": 12, "reciprocal": -3}  # log2 of 16, 8, 4096, 1/8
    assert set(rules) == set(expected)
    for name, (left, right) in rules.items():
        assert left == right == expected[name], name


def test_sympy_expands_each_rule():
    expanded = run_snippet("maths_toolkit/logs.py")["expanded"]
    x, y = sp.symbols("x y", positive=True)
    k = sp.symbols("k", real=True)
    assert expanded == {
        "product": sp.log(x) + sp.log(y),
        "quotient": sp.log(x) - sp.log(y),
        "power": k * sp.log(x),
        "reciprocal": -sp.log(x),
    }


def test_which_identities_are_exact_in_floats():
    run = run_snippet("maths_toolkit/floats.py")
    pairs = run["pairs"]
    exact = {name: left == right for name, (left, right) in pairs.items()}
    assert list(exact.values()) == [True, False, False]
    for left, right in pairs.values():
        assert math.isclose(left, right)
    assert "ln 1000 and 3 ln 10  ==: False  isclose: True" in run.outputs["exact_or_not"]


def test_log10_of_1000_is_one_float_below_3():
    run = run_snippet("maths_toolkit/floats.py")
    assert run["log10_1000"] < 3
    assert math.nextafter(run["log10_1000"], math.inf) == 3.0
    assert math.log10(1000) == 3.0


def test_binomial_probability_is_54_over_125():
    run = run_snippet("maths_toolkit/binomial.py")
    exact = Fraction(3) * Fraction(3, 5) ** 2 * Fraction(2, 5)
    assert exact == Fraction(54, 125)
    assert run["prob_fraction"] == exact
    assert run["prob_sympy"] == sp.Rational(54, 125)
    assert run["prob_decimal"] == 0.432
    for value in (run["prob_two"], run["prob_enumerated"]):
        assert value == pytest.approx(0.432, rel=1e-15)


def test_binomial_floats_are_the_neighbours_of_0_432():
    run = run_snippet("maths_toolkit/binomial.py")
    assert run["prob_two"] == math.nextafter(0.432, 1)
    assert run["prob_enumerated"] == math.nextafter(0.432, 0)
    assert repr(run["prob_two"]) == "0.43200000000000005"  # the output the source notebook showed
    assert run.outputs["why"].startswith("0.6 is stored as 0.59999999999999997779")


def test_log_loss_is_minus_log_of_the_true_label_probability():
    run = run_snippet("maths_toolkit/log_loss.py")
    assert run["losses"][1] == pytest.approx(-math.log(0.8), rel=1e-12)  # 0.2231
    assert run["losses"][0] == pytest.approx(-math.log(0.2), rel=1e-12)  # 1.6094
    assert run["losses"][1] == pytest.approx(0.2231, abs=5e-5)
    assert run["losses"][0] == pytest.approx(1.6094, abs=5e-5)


def test_the_product_underflows_and_the_sum_of_logs_does_not():
    run = run_snippet("maths_toolkit/log_loss.py")
    assert 2.0**-1100 == 0.0 and run["likelihood"] == 0.0
    assert run["log_likelihood"] == pytest.approx(-1100 * math.log(2), rel=1e-12)  # -762.46


def test_exercise_mle_peaks_at_two_thirds():
    run = run_snippet("maths_toolkit/exercise_mle.py")
    assert run["best"] == [sp.Rational(2, 3)]
    p = sp.Symbol("p", positive=True)
    assert sp.simplify(run["slope"] - (2 / p - 1 / (1 - p))) == 0
    # float32 rounds 2/3; the slope of ln L there is 9 times that rounding, about 1e-7.
    assert abs(run["p_t"].grad.item()) < 1e-6
    assert run["p_best"] == 0.67
    assert run["likelihood"](run["p_best"]) == pytest.approx(3 * 0.67**2 * 0.33)
    assert max(run["likelihood"](i / 1000) for i in range(1, 1000)) == pytest.approx(4 / 9, rel=1e-5)


def test_exercise_batch_mean_loss():
    run = run_snippet("maths_toolkit/exercise_batch.py")
    expected = -(math.log(0.9) + math.log(0.8) + math.log(0.6)) / 3
    assert run["p_true"] == pytest.approx([0.9, 0.8, 0.6])
    assert run["mean_loss"] == pytest.approx(expected, rel=1e-12)
    assert run["via_product"] == pytest.approx(expected, rel=1e-12)
    torch.testing.assert_close(run["torch_loss"], torch.tensor(expected, dtype=torch.float32))
    assert run["mean_loss"] == pytest.approx(0.2798, abs=5e-5)


def test_exercise_floats_shows_exact_and_inexact_sums():
    printed = run_snippet("maths_toolkit/exercise_floats.py").outputs["compare"]
    assert "0.1 + 0.2 == 0.3:   False" in printed
    assert "0.5 + 0.25 == 0.75: True" in printed
    assert "isclose(0.1 + 0.2, 0.3): True" in printed
    assert Fraction(0.1) != Fraction(1, 10) and Fraction(0.75) == Fraction(3, 4)
    assert f"is stored as {Fraction(0.1)}" in printed
