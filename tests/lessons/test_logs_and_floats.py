"""docs/logs_and_floats.md: every number the page shows, against closed forms, exact fractions and SymPy."""

import math
import sys
from fractions import Fraction

import pytest
import sympy as sp
import torch

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


def test_the_seed_example_ln_32_and_log2_16(logs):
    assert (logs["big"], logs["power_of_two"]) == (32, 16)
    assert logs["ln_32"] == pytest.approx(5 * float(sp.log(2).evalf(30)), rel=1e-15)  # 32 = 2 ** 5
    assert f"{logs['ln_32']:.4f}" == "3.4657"
    assert logs["log2_16"] == 4.0
    assert "math.log(32) = 3.4657359027997265" in logs.outputs["values"]


def test_sympy_keeps_log_8_exact_until_asked_for_digits():
    assert str(sp.log(8)) == "log(8)"
    assert sp.N(sp.log(8), 17) == pytest.approx(math.log(8), rel=1e-15)


def test_expand_log_writes_ln_8_as_3_ln_2_without_force(logs):
    assert sp.expand_log(sp.log(8)) == 3 * sp.log(2)  # no force=True needed for a number
    assert logs["ln_8_exact"] == 3 * sp.log(2)
    assert sp.log(8, 2) == 3 and isinstance(sp.log(8, 2), sp.Integer)


def test_math_log_8_is_the_float_nearest_ln_8_and_not_ln_8_itself(logs):
    import mpmath

    with mpmath.workdps(50):
        true = mpmath.log(8)
        got = logs["ln_8"]
        neighbours = [math.nextafter(got, 0.0), math.nextafter(got, math.inf)]
        assert all(abs(mpmath.mpf(got) - true) < abs(mpmath.mpf(v) - true) for v in neighbours)
        assert mpmath.mpf(got) != true
    # SymPy's 17 digits are ln 8's own; the float's shortest form differs in the last one.
    seventeen = str(sp.N(sp.log(8), logs["digits"]))
    assert seventeen != repr(got) and seventeen[:-1] == repr(got)[:-1]


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


def test_sympy_leaves_the_log_of_a_product_alone_without_positive_symbols(logs):
    a, b = sp.symbols("a b")
    assert sp.expand_log(sp.log(a * b)) == sp.log(a * b)
    assert logs["left_alone"] == sp.log(a * b)
    assert sp.log(-1) + sp.log(-1) != sp.log((-1) * (-1))  # why: the rule fails for negatives


def test_machine_epsilon_is_the_gap_above_1(floats):
    assert floats["eps64"] == math.ulp(1.0) == 2.0**-52 == torch.finfo(torch.float64).eps
    assert floats["eps32"] == 2.0**-23 == torch.finfo(torch.float32).eps
    assert (floats["eps64_exponent"], floats["eps32_exponent"]) == (-52, -23)
    one32 = torch.tensor(1.0)
    assert torch.nextafter(one32, torch.tensor(2.0)).item() == 1.0 + torch.finfo(torch.float32).eps


def test_the_gap_doubles_with_each_power_of_two():
    eps = torch.finfo(torch.float64).eps
    assert [math.ulp(v) / eps for v in (1.0, 1.5, 2.0, 3.0, 4.0)] == [1.0, 1.0, 2.0, 2.0, 4.0]


def test_one_plus_half_eps_rounds_to_one_and_one_plus_eps_does_not():
    eps = torch.finfo(torch.float64).eps
    assert 1.0 + eps / 2 == 1.0  # the tie goes to the float with last bit 0
    assert 1.0 + eps != 1.0
    assert 1.0 + 0.6 * eps == 1.0 + eps  # past halfway: rounds up
    eps32 = torch.finfo(torch.float32).eps
    assert (torch.tensor(1.0) + eps32 / 2).item() == 1.0


def test_rounding_to_float64_moves_a_number_by_at_most_half_eps_relative(floats):
    eps = Fraction(torch.finfo(torch.float64).eps)
    for text in ["0.1", "0.2", "0.3", "0.7", "2.5e-3", "123.456", "1e300"]:
        exact = Fraction(text)
        assert abs(Fraction(float(text)) - exact) / exact <= eps / 2, text
    assert floats["error_in_eps"] == pytest.approx(float(abs(Fraction(0.1) - Fraction(1, 10)) * 10 / eps))
    assert floats["error_in_eps"] <= 0.5


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


def test_math_log_is_the_nearest_float_at_2_4_10_and_1000_on_this_machine(floats):
    """Correct rounding of log is not promised by C or IEEE 754; this machine's library gives it here."""
    import mpmath

    with mpmath.workdps(50):
        for n in (2, 4, 10, 1000):
            got = math.log(n)
            true = mpmath.log(n)
            neighbours = [math.nextafter(got, 0.0), math.nextafter(got, math.inf)]
            assert all(abs(mpmath.mpf(got) - true) <= abs(mpmath.mpf(v) - true) for v in neighbours), n
            gap = math.nextafter(got, math.inf) - got
            assert floats["gaps_off"][n] == pytest.approx(float(abs(mpmath.mpf(got) - true) / gap), rel=1e-9)
    assert all(floats["gaps_off"][n] < 0.5 for n in (2, 4, 10, 1000))  # the page's test for "nearest"


def test_doubling_a_float_is_exact():
    assert Fraction(2 * math.log(2)) == 2 * Fraction(math.log(2))
    assert 2 * math.log(2) == math.log(4)


def test_three_times_ln_10_is_exact_but_not_the_nearest_float_to_ln_1000(floats):
    import mpmath

    tripled = 3 * math.log(10)
    assert Fraction(tripled) == 3 * Fraction(math.log(10))  # the product needed no rounding
    assert floats["tripled_exactly"] is True
    with mpmath.workdps(50):
        off = abs(mpmath.mpf(tripled) - mpmath.log(1000)) / math.ulp(tripled)
    assert off > 0.5  # more than half a gap: not the nearest float
    assert floats["tripled_off"] == pytest.approx(float(off), rel=1e-9)
    assert tripled != math.log(1000)
    assert math.ulp(math.log(1000)) == 2 * math.ulp(math.log(10))  # gaps twice as wide


def test_math_log_with_a_base_divides_two_natural_logarithms(floats):
    for x, base in [(1000, 10), (7, 2), (16, 2), (81, 3)]:
        assert math.log(x, base) == math.log(x) / math.log(base)


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


def test_below_the_smallest_normal_float_rounding_can_lose_the_whole_number():
    tiny = math.ulp(0.0)
    assert tiny / 2 == 0.0  # half of it: the relative error is 1, the whole number
    assert 0.75 * tiny == tiny  # rounds up: a relative error of a third, far above eps / 2
    assert abs(Fraction(0.75 * tiny) - Fraction(3, 4) * Fraction(tiny)) / (Fraction(3, 4) * Fraction(tiny)) > Fraction(
        torch.finfo(torch.float64).eps
    )


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


@pytest.fixture(scope="module")
def sums():
    return run_snippet("logs_and_floats/exercise_floats.py")


def test_exercise_3_in_float64_the_first_sum_fails_and_the_others_hold(sums):
    assert sums["sums"] == [(0.1, 0.2, 0.3), (0.5, 0.25, 0.75), (0.1, 0.6, 0.7)]
    assert [0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75, 0.1 + 0.6 == 0.7] == [False, True, True]
    assert sums.outputs["float64"] == "False\nTrue\nTrue\n"


def test_exercise_3_in_float32_the_first_sum_holds_and_the_third_fails(sums):
    in_float32 = [bool(torch.tensor(a) + b == torch.tensor(c)) for a, b, c in sums["sums"]]
    assert in_float32 == [True, True, False]
    assert sums.outputs["float32"] == "True\nTrue\nFalse\n"


def test_exercise_3_the_stored_floats_added_exactly_miss_in_two_sums(sums):
    # What the floats hold, summed with no rounding: only the halves and quarters still add up.
    assert [Fraction(a) + Fraction(b) == Fraction(c) for a, b, c in sums["sums"]] == [False, True, False]
    assert sums.outputs["stored_exactly"] == "False\nTrue\nFalse\n"
    assert sums.outputs["exact"] == "True\nTrue\nTrue\n"  # the decimals as written


def test_exercise_3_choices_all_differ(sums):
    choices = [sums.outputs[name] for name in ("float64", "exact", "float32", "stored_exactly")]
    assert len(set(choices)) == len(choices)


def test_exercise_3_table_and_stored_values(sums):
    printed = sums.outputs["compare"]
    assert "isclose(0.1 + 0.2, 0.3): True" in printed
    assert printed.splitlines()[1].split()[-4:] == ["True", "False", "False", "True"]
    assert printed.splitlines()[3].split()[-4:] == ["True", "False", "True", "False"]
    assert Fraction(0.1) != Fraction(1, 10) and Fraction(0.75) == Fraction(3, 4)
    assert f"is stored as {Fraction(0.1)}" in printed
