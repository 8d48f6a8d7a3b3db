"""Every stated number comes from the code: a typed one fails the fast checks at its page, line and column.

The rule (lessonkit/checks/numbers.py): only one-digit integers may be typed; a one-digit input
written `name = value` is tied to the code's variable of that name. The fixture page is clean, so
its constants ($x^2$, Exercise 1, $2x$) pass; each test below types one number the code produced.
"""

import json

import pytest

from lessonkit import recordings
from tests.engine.conftest import PAGE, checked, edit, line_of

PROSE = "{{ mini/square.py:y:.1f }}, so"
MATHS = "$x^2 = {{ mini/square.py:y:.1f }}$"
INPUT = "$x = {{ mini/square.py:x:g }}$"


def problems_at(project, text: str):
    line = line_of(project.root / PAGE, text)
    return [problem for problem in checked(project) if (problem.file, problem.line) == (PAGE, line)]


@pytest.mark.parametrize(
    ("old", "new", "typed", "placeholder"),
    [
        (PROSE, "9.0, so", "9.0", "{{ mini/square.py:y:.1f }}"),  # a result typed in prose
        (MATHS, "$x^2 = 9.0$", "9.0", "{{ mini/square.py:y:.1f }}"),  # a result in maths
        (INPUT, "$x = 3.0$", "3.0", "{{ mini/square.py:x:.1f }}"),  # an input with a decimal point
        ("Twice $x$: {{ mini/square.py:slope:.1f }}.", "Twice $x$: 6.0.", "6.0", "{{ mini/square.py:slope:.1f }}"),
        (PROSE, "`9.0`, so", "9.0", "{{ mini/square.py:y:.1f }}"),  # a code span holding a number alone
    ],
    ids=["prose", "maths", "input", "solution-fold", "code-span"],
)
def test_a_typed_value_fails_at_its_line_and_column_naming_the_placeholder(mini, old, new, typed, placeholder):
    edit(mini.root / PAGE, old, new)
    (problem,) = problems_at(mini, new)
    line_text = (mini.root / PAGE).read_text().splitlines()[problem.line - 1]
    assert line_text[problem.column - 1 :].startswith(typed)
    assert "is typed: a number of two or more digits, or with a decimal point or an exponent" in problem.message
    assert problem.message.endswith(f"write {placeholder}")


def test_code_in_a_code_span_is_code_not_a_stated_value(mini):
    edit(mini.root / PAGE, PROSE, "`square(3.0)`, so")
    assert problems_at(mini, "`square(3.0)`, so") == []


def test_a_wrong_typed_value_fails_too(mini):
    """A number the code never produced cannot be matched to a placeholder, and is reported all the same."""
    edit(mini.root / PAGE, PROSE, "9.5, so")
    (problem,) = problems_at(mini, "9.5, so")
    assert "'9.5' is typed" in problem.message
    assert "write it as a placeholder of the variable that holds it" in problem.message


def test_a_one_digit_input_in_prose_is_tied_to_the_code(mini):
    edit(mini.root / PAGE, INPUT, "$x = 3$")
    assert problems_at(mini, "$x = 3$") == []  # the code has x = 3: the text may say so
    edit(mini.root / PAGE, "$x = 3$", "$x = 4$")
    (problem,) = problems_at(mini, "$x = 4$")
    assert "the page states x = 4, but snippets/mini/square.py computes with x = 3" in problem.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("## The slope", "## The slope at 12 points"),  # a heading
        ('!!! abstract "Goal"', '!!! abstract "Goal in 10 minutes"'),  # an admonition title
        ("Two arrows leave `x`", "Two arrows, 14 in all, leave `x`"),  # a caption
        ("The power rule gives $2x$.", "The power rule gives $2x$, which is 16 here."),  # a hint
        ("Back to [the forward pass](#forward).", "| x | y |\n|---|---|\n| 3 | 9.0 |\n\nBack."),  # a table
    ],
    ids=["heading", "admonition-title", "caption", "hint", "table"],
)
def test_numbers_are_checked_wherever_the_page_states_them(mini, old, new):
    edit(mini.root / PAGE, old, new)
    number = next(word for word in ("12", "10", "14", "16", "9.0") if word in new)
    (problem,) = problems_at(mini, number if number != "9.0" else "| 3 | 9.0 |")
    assert f"'{number}' is typed" in problem.message


def test_the_description_is_checked_too(mini):
    edit(mini.root / PAGE, "with one snippet,", "with 12 snippets,")
    (problem,) = problems_at(mini, "description:")
    assert "'12' is typed" in problem.message


def test_an_alt_text_number_comes_from_the_recording_and_a_changed_one_fails_at_the_page(mini):
    recording = mini.root / "snippets/figures/outputs/mini/parabola.json"
    content = json.loads(recording.read_text())
    content["alt"] = content["alt"].replace("of slope 6", "of slope 7")
    recording.write_text(recordings.figure_text(content), encoding="utf-8")
    (problem,) = problems_at(mini, "{{ figure mini/parabola }}")
    assert "figure mini/parabola now shows another alt text than snippets/figures/outputs/mini/parabola.json" in (
        problem.message
    )


def test_figure_markup_typed_by_hand_is_reported(mini):
    pasted = '![The parabola y = x²](figures/mini/parabola-light.svg#only-light){ width="300" }'
    edit(mini.root / PAGE, "Back to [the forward pass](#forward).", pasted)
    (problem,) = [p for p in problems_at(mini, pasted) if "shown by hand" in p.message]
    assert problem.message.startswith("a recorded figure is shown by hand: write {{ figure mini/parabola }}")
