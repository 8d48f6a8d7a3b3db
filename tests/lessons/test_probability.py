"""docs/probability.md: every number the page shows, against exact fractions, SymPy and closed forms."""

import math
from fractions import Fraction
from itertools import product

import pytest
import sympy as sp
import torch
import torch.nn.functional as F

from lessonkit import run_snippet

EXACT = Fraction(3) * Fraction(3, 5) ** 2 * Fraction(2, 5)  # 3 p^2 (1 - p), p = 3/5


@pytest.fixture(scope="module")
def binomial():
    return run_snippet("probability/binomial.py")


@pytest.fixture(scope="module")
def log_loss():
    return run_snippet("probability/log_loss.py")


def test_two_of_three_inputs(binomial):
    assert binomial["p"] == 0.6
    assert binomial["q"] == pytest.approx(0.4, rel=1e-15)
    assert binomial["trials"] == 3


def test_three_orders_have_two_successes():
    orders = [outcome for outcome in product("RW", repeat=3) if outcome.count("R") == 2]
    assert len(orders) == 3 == math.comb(3, 2)


def test_math_comb_counts_the_orders(binomial):
    assert binomial["orders_counted"] == binomial["orders"] == math.comb(binomial["trials"], binomial["successes"])
    assert binomial.outputs["enumerate"].endswith("math.comb(3, 2) = 3\n")


def test_a_zero_slope_alone_is_not_a_top():
    x = sp.Symbol("x")
    assert sp.diff(x**3, x).subs(x, 0) == 0  # slope 0 at 0 ...
    assert sp.diff(x**3, x).subs(x, sp.Rational(-1, 10)) > 0 < sp.diff(x**3, x).subs(x, sp.Rational(1, 10))
    assert (x**3).subs(x, sp.Rational(1, 10)) > 0  # ... yet x³ goes on rising past it


def test_two_of_three_is_54_over_125(binomial):
    assert Fraction(54, 125) == EXACT
    assert binomial["prob_fraction"] == EXACT
    assert binomial["prob_decimal"] == float(EXACT)
    for value in (binomial["prob_two"], binomial["prob_enumerated"]):
        assert value == pytest.approx(float(EXACT), rel=1e-15)


def test_the_seed_product_prints_0_43200000000000005(binomial):
    assert repr(3 * 0.6**2 * 0.4) == "0.43200000000000005"
    assert binomial["prob_two"] == 3 * 0.6**2 * 0.4


def test_binomial_floats_are_the_neighbours_of_the_nearest_float(binomial):
    nearest = float(EXACT)
    assert binomial["prob_two"] == math.nextafter(nearest, 1)
    assert binomial["prob_enumerated"] == math.nextafter(nearest, 0)


def test_the_three_orders_give_the_same_float():
    p, q = 0.6, 1 - 0.6
    assert p * p * q == p * q * p == q * p * p
    assert 3 * (p * p * q) == (p * p * q) + (p * p * q) + (p * p * q) == math.nextafter(float(EXACT), 0)


def test_isclose_default_tolerance_is_wider_than_one_step(binomial):
    nearest = float(EXACT)
    assert math.isclose(math.nextafter(nearest, 1), nearest)
    # Many steps away is still "close" by default: the tolerance is relative 1e-9.
    assert math.isclose(nearest + 1000 * math.ulp(nearest), nearest)


def test_a_fifth_in_lowest_terms_has_no_finite_binary_expansion(binomial):
    stored = Fraction(0.6)
    assert stored != Fraction(3, 5)
    assert stored.denominator == 2**53  # a power of 2, as every float's is
    assert stored < Fraction(3, 5)  # "slightly below"
    assert binomial["stored"] == stored
    assert binomial.outputs["why"].startswith("0.6 is stored as 0.59999999999999997779")


def test_five_tenths_is_exact_because_not_in_lowest_terms(binomial):
    assert Fraction(5, 10) == Fraction(1, 2)
    assert Fraction(0.5) == Fraction(5, 10)
    assert binomial["half"] == Fraction(1, 2)


def test_log_loss_is_minus_log_of_the_true_label_probability(log_loss):
    assert log_loss["losses"][1] == pytest.approx(-math.log(0.8), rel=1e-12)
    assert log_loss["losses"][0] == pytest.approx(-math.log(0.2), rel=1e-12)
    per_label = F.binary_cross_entropy(torch.tensor([0.8, 0.8]), torch.tensor([1.0, 0.0]), reduction="none")
    torch.testing.assert_close(per_label, torch.tensor([-math.log(0.8), -math.log(0.2)]))


def test_the_product_underflows_and_the_sum_of_logs_does_not(log_loss):
    assert log_loss["examples"] == 1100 and log_loss["p_each"] == 0.5
    assert log_loss["exponent"] == -1100
    assert log_loss["likelihood"] == 0.0 and 0.5**1100 == 0.0
    assert log_loss["tiny"] == 2.0**-1074 and log_loss["tiny_exponent"] == -1074
    assert log_loss["exponent"] < log_loss["tiny_exponent"]
    # About 4.9e-324, as the page says: between 4.9 and 5.0 times 10 ** -324.
    assert Fraction(49, 10**325) < Fraction(log_loss["tiny"]) < Fraction(50, 10**325)
    assert log_loss["log_likelihood"] == pytest.approx(-1100 * math.log(2), rel=1e-12)


def test_slope_is_zero_at_the_top_and_changes_sign():
    run = run_snippet("probability/top_of_a_curve.py")
    assert run["points"] == [0.4, 0.5, 0.6]
    # d/dp p(1 − p) = 1 − 2p
    assert run["slopes"] == pytest.approx([1 - 2 * p for p in (0.4, 0.5, 0.6)], abs=1e-15)
    assert run["slopes"][0] > 0 and run["slopes"][1] == 0.0 and run["slopes"][2] < 0


def test_exercise_mle_peaks_at_two_thirds():
    run = run_snippet("probability/exercise_mle.py")
    assert run["best"] == [sp.Rational(2, 3)]
    assert run["p_star"] == pytest.approx(2 / 3, rel=1e-15)
    p = sp.Symbol("p", positive=True)
    assert sp.simplify(run["slope"] - (2 / p - 1 / (1 - p))) == 0
    below, at, above = run["mle_slopes"]
    assert below == pytest.approx(2 / 0.6 - 1 / 0.4, rel=1e-6) and below > 0
    assert above == pytest.approx(2 / 0.7 - 1 / 0.3, rel=1e-6) and above < 0
    # float32 rounds 2/3 up by about 2e-8; the slope there is −13.5 times that, plus rounding.
    assert 0 < -at < 1e-6
    assert run["p_best"] == 0.67
    assert run["lik"](run["p_best"]) == pytest.approx(3 * 0.67**2 * 0.33)
    assert max(run["lik"](i / 1000) for i in range(1, 1000)) == pytest.approx(4 / 9, rel=1e-5)


def test_binary_cross_entropy_default_reduction_is_the_mean():
    run = run_snippet("probability/exercise_batch.py")
    expected = -(math.log(0.9) + math.log(0.8) + math.log(0.6)) / 3
    assert run["probs"] == [0.9, 0.2, 0.6]
    assert run["p_true"] == pytest.approx([0.9, 0.8, 0.6])
    assert run["mean_loss"] == pytest.approx(expected, rel=1e-12)
    assert run["via_product"] == pytest.approx(expected, rel=1e-12)
    probs, targets = torch.tensor([0.9, 0.2, 0.6]), torch.tensor([1.0, 0.0, 1.0])
    default = F.binary_cross_entropy(probs, targets)
    assert default.dtype == torch.float32
    torch.testing.assert_close(default, F.binary_cross_entropy(probs, targets, reduction="none").mean())
    torch.testing.assert_close(run["torch_loss"], torch.tensor(expected, dtype=torch.float32))
