"""docs/probability.md: every number the page shows, against exact fractions, SymPy and closed forms."""

import math
from fractions import Fraction

import pytest
import sympy as sp
import torch

from lessonkit import run_snippet

EXACT = Fraction(3) * Fraction(3, 5) ** 2 * Fraction(2, 5)  # C(3, 2) p^2 (1 - p), p = 3/5


@pytest.fixture(scope="module")
def binomial():
    return run_snippet("probability/binomial.py")


@pytest.fixture(scope="module")
def log_loss():
    return run_snippet("probability/log_loss.py")


def test_binomial_inputs(binomial):
    assert (binomial["n"], binomial["k"]) == (3, 2)
    assert binomial["p"] == 0.6
    assert binomial["q"] == pytest.approx(0.4, rel=1e-15)
    assert binomial["orders"] == 3


def test_binomial_probability_is_54_over_125(binomial):
    assert Fraction(54, 125) == EXACT
    assert binomial["prob_fraction"] == EXACT
    assert binomial["prob_sympy"] == sp.Rational(54, 125)
    assert binomial["prob_decimal"] == float(EXACT)
    for value in (binomial["prob_two"], binomial["prob_enumerated"]):
        assert value == pytest.approx(float(EXACT), rel=1e-15)


def test_binomial_floats_are_the_neighbours_of_the_nearest_float(binomial):
    nearest = float(EXACT)
    assert binomial["prob_two"] == math.nextafter(nearest, 1)
    assert binomial["prob_enumerated"] == math.nextafter(nearest, 0)
    assert binomial.outputs["why"].startswith("0.6 is stored as 0.59999999999999997779")


def test_log_loss_is_minus_log_of_the_true_label_probability(log_loss):
    assert log_loss["losses"][1] == pytest.approx(-math.log(0.8), rel=1e-12)
    assert log_loss["losses"][0] == pytest.approx(-math.log(0.2), rel=1e-12)


def test_the_product_underflows_and_the_sum_of_logs_does_not(log_loss):
    assert log_loss["n"] == 1100 and log_loss["p_each"] == 0.5
    assert log_loss["exponent"] == -1100
    assert log_loss["likelihood"] == 0.0 and 2.0**-1100 == 0.0
    assert log_loss["tiny"] == 2.0**-1074 and log_loss["tiny_exponent"] == -1074
    assert log_loss["exponent"] < log_loss["tiny_exponent"]
    # About 4.9e-324, as the page says: between 4.9 and 5.0 times 10 ** -324.
    assert Fraction(49, 10**325) < Fraction(log_loss["tiny"]) < Fraction(50, 10**325)
    assert log_loss["log_likelihood"] == pytest.approx(-1100 * math.log(2), rel=1e-12)


def test_exercise_mle_peaks_at_two_thirds():
    run = run_snippet("probability/exercise_mle.py")
    assert run["best"] == [sp.Rational(2, 3)]
    assert run["p_star"] == pytest.approx(2 / 3, rel=1e-15)
    p = sp.Symbol("p", positive=True)
    assert sp.simplify(run["slope"] - (2 / p - 1 / (1 - p))) == 0
    # float32 rounds 2/3; the slope of log L there is 9 times that rounding, about 1e-7.
    assert abs(run["p_t"].grad.item()) < 1e-6
    assert run["p_best"] == 0.67
    assert run["likelihood"](run["p_best"]) == pytest.approx(3 * 0.67**2 * 0.33)
    assert max(run["likelihood"](i / 1000) for i in range(1, 1000)) == pytest.approx(4 / 9, rel=1e-5)


def test_exercise_batch_mean_loss():
    run = run_snippet("probability/exercise_batch.py")
    expected = -(math.log(0.9) + math.log(0.8) + math.log(0.6)) / 3
    assert run["probs"] == [0.9, 0.2, 0.6]
    assert run["p_true"] == pytest.approx([0.9, 0.8, 0.6])
    assert run["mean_loss"] == pytest.approx(expected, rel=1e-12)
    assert run["via_product"] == pytest.approx(expected, rel=1e-12)
    torch.testing.assert_close(run["torch_loss"], torch.tensor(expected, dtype=torch.float32))
