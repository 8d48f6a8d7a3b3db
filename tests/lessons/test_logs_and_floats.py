"""docs/logs_and_floats.md: every number the page shows, against closed forms, exact fractions and SymPy."""

import math
import sys
from fractions import Fraction

import pytest
import sympy as sp

from lessonkit import run_snippet


@pytest.fixture(scope="module")
def logs():
    return run_snippet("logs_and_floats/logs.py")


@pytest.fixture(scope="module")
def floats():
    return run_snippet("logs_and_floats/floats.py")


def test_e_and_the_log_of_8(logs):
    assert logs["e"] == pytest.approx(float(sp.E.evalf(30)), rel=1e-15)
    assert logs["ln_8"] == pytest.approx(3 * float(sp.log(2).evalf(30)), rel=1e-15)
    assert logs["log2_8"] == 3.0
    assert logs["ln_8_exact"] == 3 * sp.log(2)
    assert logs["log2_8_exact"] == 3


def test_every_library_means_the_natural_logarithm(logs):
    """math.log, torch.log and sp.log print the same number: the power of e that gives 8."""
    printed = logs.outputs["values"].splitlines()
    natural = [line for line in printed if line.startswith(("math.log(8) ", "torch.log", "sp.log"))]
    assert len(natural) == 3
    for line in natural:
        value = float(line.split()[-1])
        assert math.exp(value) == pytest.approx(8, rel=1e-15)


def test_log_rules_hold_exactly_at_powers_of_two(logs):
    rules = logs["rules"]
    expected = {"product": 4, "quotient": 3, "power": 12, "reciprocal": -3}  # log2 of 16, 8, 4096, 1/8
    assert set(rules) == set(expected)
    for name, (left, right) in rules.items():
        assert left == right == expected[name], name


def test_sympy_expands_each_rule(logs):
    x, y = sp.symbols("x y", positive=True)
    k = sp.symbols("k", real=True)
    assert logs["expanded"] == {
        "product": sp.log(x) + sp.log(y),
        "quotient": sp.log(x) - sp.log(y),
        "power": k * sp.log(x),
        "reciprocal": -sp.log(x),
    }


def test_a_float_has_53_significant_bits(floats):
    # The gap between 1 and the next float is 2 ** (1 - bits).
    assert floats["bits"] == 1 - round(math.log2(math.ulp(1.0)))
    assert 2.0 ** floats["bits"] + 1 == 2.0 ** floats["bits"]  # one bit too many
    assert 2.0 ** (floats["bits"] - 1) + 1 != 2.0 ** (floats["bits"] - 1)


def test_which_identities_are_exact_in_floats(floats):
    pairs = floats["pairs"]
    exact = {name: left == right for name, (left, right) in pairs.items()}
    assert list(exact.values()) == [True, False, False]
    for left, right in pairs.values():
        assert math.isclose(left, right)
    assert "ln 1000 and 3 ln 10  ==: False  isclose: True" in floats.outputs["exact_or_not"]


def test_log10_of_1000_is_one_float_below_3(floats):
    assert floats["log10_1000"] < 3
    assert math.nextafter(floats["log10_1000"], math.inf) == 3.0
    assert math.log10(1000) == 3.0


def test_isclose_tolerance(floats):
    assert floats["default_rel_tol"] == 1e-9  # Python's documented default
    assert math.isclose(1.0, 1.0 + 0.9e-9) and not math.isclose(1.0, 1.0 + 1.1e-9)


def test_smallest_positive_float_is_two_to_the_minus_1074(floats):
    # 1074 = 1022 (the lowest exponent of a full-precision float) + 52 (bits given up one by one).
    assert floats["tiny_exponent"] == -(1022 + 52)
    assert Fraction(floats["tiny"]) == Fraction(1, 2**1074)
    # About 4.9e-324, as the page says: between 4.9 and 5.0 times 10 ** -324.
    assert Fraction(49, 10**325) < Fraction(floats["tiny"]) < Fraction(50, 10**325)
    assert repr(floats["tiny"]) == "5e-324"  # the shortest decimal that names it
    assert floats["half"] == 0.0 and floats["tiny"] / 2 == 0.0
    assert floats["normal_min"] == 2.0**-1022 == sys.float_info.min
    assert floats["tiny32_exponent"] == -(126 + 23)
    assert floats["tiny32"] == 2.0**-149


def test_exercise_base_change():
    run = run_snippet("logs_and_floats/exercise_base.py")
    assert run["log2_7"] == pytest.approx(float(sp.N(sp.log(7) / sp.log(2), 30)), rel=1e-15)
    assert 2 < run["log2_7"] < 3
    assert run["exact"] == sp.log(7) / sp.log(2)


def test_exercise_halving():
    run = run_snippet("logs_and_floats/exercise_halving.py")
    assert run["halvings"] == 1074 + 1  # down to 2 ** -1074, then once more to 0.0
    assert run["last"] == 2.0**-1074
    assert run["x"] == 0.0


def test_exercise_floats_shows_exact_and_inexact_sums():
    run = run_snippet("logs_and_floats/exercise_floats.py")
    assert run["first"] is False and run["second"] is True
    assert run.outputs["in_floats"] == "first:  False\nsecond: True\n"
    # Exact decimals, the wrong choice of the prediction: both sums hold.
    assert run["first_on_paper"] is True and run["second_on_paper"] is True
    assert run.outputs["on_paper"] == "first:  True\nsecond: True\n"
    printed = run.outputs["compare"]
    assert "isclose(0.1 + 0.2, 0.3): True" in printed
    assert Fraction(0.1) != Fraction(1, 10) and Fraction(0.75) == Fraction(3, 4)
    assert f"is stored as {Fraction(0.1)}" in printed
