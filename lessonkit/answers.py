"""Is a learner's answer the recorded one? The rule, in Python: each notebook carries a copy of this module.

The page's answer boxes apply the same rule in docs/javascripts/exercises.js, and the tests
run one table of cases against both. An answer is right when it is the recorded answer
rounded to the digits the learner gave, or the recorded answer as the page shows it:

- 64, 64.0 and 6.4e1 are all right for 64.0; 65 and 64.4 are not;
- -1.78 and -1.8 are right for -1.7847 (correct roundings), -2 is too rough (one digit);
- 2/3 is right for 0.6667, and so is 0.667; a number a notebook computes counts with the
  digits Python prints for it.

This module imports nothing from the project, so a notebook runs with Python alone.
"""

import re

_DECIMAL = re.compile(r"^([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$")
_FRACTION = re.compile(r"^([+-]?\d+)/(\d+)$")
RIGHT = "Right."
NOT_YET = "Not yet."
MORE_DIGITS = "Not yet: give at least two significant digits."
NOT_A_NUMBER = "Type a number, such as 0.25, -1.5, 1.2e-3 or 2/3."
NOT_A_LETTER = 'Write the letter of your choice, such as "A".'


def read_number(text):
    """(value, half a unit in its last digit, significant digits) of "-1.78" or "2/3"; None if not a number.

    A fraction is exact: nothing is lost to rounding, and it has as many digits as needed.
    """
    text = str(text).strip().replace("\N{MINUS SIGN}", "-").replace(" ", "")
    fraction = _FRACTION.match(text)
    if fraction:
        if int(fraction[2]) == 0:
            return None
        return int(fraction[1]) / int(fraction[2]), 0.0, float("inf")
    decimal = _DECIMAL.match(text)
    if not decimal:
        return None
    digits, exponent = decimal[2], int(decimal[3] or 0)
    decimals = len(digits.partition(".")[2])
    significant = len(digits.replace(".", "").lstrip("0")) or 1
    return float(text), 0.5 * 10.0 ** (exponent - decimals), significant


def check_answer(answer, shown):
    """(right, message) for a learner's `answer` (a number or text) against the recorded answer `shown` ("64.0")."""
    if hasattr(answer, "item"):  # a tensor or an array of one number
        answer = answer.item()
    if isinstance(answer, bool) or answer is None or answer is Ellipsis:
        return False, NOT_A_NUMBER
    typed = read_number(repr(answer) if isinstance(answer, float) else answer)
    expected = read_number(shown)
    if typed is None:
        return False, NOT_A_NUMBER
    value, half_unit, significant = typed
    target, shown_half_unit, shown_significant = expected
    if value == target:  # the answer as the page shows it, with or without its trailing zeros
        return True, RIGHT
    if significant < min(2, shown_significant):
        return False, MORE_DIGITS
    # The slack covers the binary rounding of decimal numbers; JavaScript computes the same.
    if abs(value - target) <= max(half_unit, shown_half_unit) * (1 + 1e-9):
        return True, RIGHT
    return False, NOT_YET


def check_choice(answer, letter):
    """(right, message) for a learner's choice in a prediction ("B", or "b") against the letter of the answer."""
    if not isinstance(answer, str) or len(answer.strip()) != 1 or not answer.strip().isalpha():
        return False, NOT_A_LETTER
    return (True, RIGHT) if answer.strip().upper() == letter else (False, NOT_YET)
