"""One table of answers for both implementations of the answer rule: lessonkit/answers.py and
docs/javascripts/exercises.js. (learner's answer, recorded answer as shown, right?)"""

CASES = [
    ("64", "64.0", True),
    ("64.0", "64.0", True),
    ("6.4e1", "64.0", True),
    (" 64 ", "64.0", True),
    ("65", "64.0", False),
    ("64.4", "64.0", False),
    ("-1.78", "-1.7847", True),  # a correct rounding to the digits given
    ("-1.8", "-1.7847", True),
    ("-1.79", "-1.7847", False),
    ("-2", "-1.7847", False),  # too rough: one significant digit
    ("\u22121.7847", "-1.7847", True),  # the typographic minus sign
    ("2/3", "0.6667", True),  # a fraction is exact
    ("0.667", "0.6667", True),
    ("0.6", "0.6667", False),
    ("1.2e-3", "0.0012", True),
    ("0.0018", "0.0018", True),
    ("0.002", "0.0018", False),
    ("326", "326.0", True),
    ("330", "326.0", False),
    ("0", "0", True),
    ("6", "6.0", True),  # the shown value itself, without its trailing zero
    ("5", "6.0", False),
    ("7", "6", False),
    ("abc", "1.0", False),
    ("", "1.0", False),
    ("1/0", "1.0", False),
    ("1,5", "1.5", False),  # a comma is not a decimal point here
]
