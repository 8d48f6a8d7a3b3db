"""Exercises tell the learner whether they are right: on the page, with a box filled in from the
recordings, and in the notebook, with check cells that need nothing of this project."""

import contextlib
import io
import logging
import re

import nbformat
import pytest

from lessonkit.answers import check_answer
from lessonkit.notebooks import notebook_text, read_cells
from tests.answer_cases import CASES
from tests.engine.conftest import PAGE, SNIPPET, checked, edit, line_of, page, record
from tests.engine.test_extension import convert

ANSWER = "{{ answer mini/square.py:x.grad:.1f }}"
HINT = '??? tip "Hint"\n    The power rule gives $2x$.\n\n'
SOLUTION = '??? success "Solution"\n\n    Twice $x$: {{ mini/square.py:slope:.1f }}.\n'


@pytest.mark.parametrize(("answer", "shown", "right"), CASES)
def test_the_answer_rule(answer, shown, right):
    assert check_answer(answer, shown)[0] is right


def test_numbers_a_notebook_computes_count_with_the_digits_python_prints():
    assert check_answer(2 * 3.0, "6.0") == (True, "Right.")
    assert check_answer(0.1 + 0.2, "0.3") == (True, "Right.")
    assert check_answer(..., "6.0")[1].startswith("Type a number")


def test_the_page_gets_an_answer_box_holding_the_recorded_value(mini):
    html = convert(mini)
    (box,) = re.findall(r'<form class="lesson-answer" data-answer="([^"]*)"', html)
    assert box == "6.0"  # the recorded x.grad of y = x² at x = 3
    assert 'role="status"' in html and '<label for="lesson-answer-' in html
    assert re.search(r"</form>\s*<details class=\"tip\">", html), "the hint must come right after the box"


def test_a_prediction_offers_recorded_outputs_and_a_fix_points_to_the_notebook(mini):
    edit(
        mini.root / PAGE,
        ANSWER,
        "{{ predict mini/square.py:autograd | by_hand }}\n\n{{ fix mini/square.py:by_hand | autograd slope:.1f }}",
    )
    html = convert(mini)
    choice = r'<label class="lesson-choice"><input type="radio" name="[^"]+" value="(\d)"> '
    choices = re.findall(choice + r"<code>([^<]*)</code>", html)
    assert sorted(output for _, output in choices) == ["autograd: 6.0", "by hand: 6.0"]
    right = re.search(r'<form class="lesson-predict" data-answer="(\d)"', html)[1]
    assert dict(choices)[right] == "autograd: 6.0"
    assert "the check cell under it tells you when <code>slope</code> is right" in html


def test_a_prediction_whose_choice_has_no_recording_is_reported_and_shown(mini, caplog):
    edit(mini.root / PAGE, ANSWER, "{{ predict mini/square.py:autograd | by_hand }}")
    (mini.root / "snippets/mini/outputs/square/by_hand.txt").unlink()
    line = line_of(mini.root / PAGE, "{{ predict")
    found = [p.message for p in checked(mini) if p.line == line]
    assert "mini/square.py:by_hand has no recorded output yet; run `pytest --update-outputs`" in found[0]
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.lessonkit"):
        html = convert(mini)
    message = "the choice mini/square.py:by_hand has no recorded output; run `pytest --update-outputs`"
    assert f"{PAGE}:{line}: {message}" in [record.getMessage() for record in caplog.records]
    assert '<form class="lesson-predict"' not in html and "lesson-error" in html  # no box with a blank choice


@pytest.mark.parametrize(
    "change",
    [
        ('??? tip "Hint"\n    The power rule gives $2x$.\n\n', ""),
        (HINT + SOLUTION, SOLUTION + "\n" + HINT),  # the solution would come first
    ],
    ids=["no-hint", "hint-after-the-solution"],
)
def test_an_answer_box_needs_a_hint_right_under_it(mini, change):
    edit(mini.root / PAGE, *change)
    (problem,) = [p for p in checked(mini) if "hint" in p.message]
    assert problem.line == line_of(mini.root / PAGE, ANSWER)
    assert problem.message.startswith('give the answer box a hint, right under it:\n??? tip "Hint"')


def test_a_hint_without_a_box_needs_nothing(mini):
    edit(mini.root / PAGE, ANSWER + "\n", "")
    assert [p.message for p in checked(mini) if "hint" in p.message] == []


def test_the_boxes_of_one_exercise_share_the_hint_after_the_last(mini):
    edit(mini.root / PAGE, ANSWER, f"The slope:\n\n{ANSWER}\n\nThe square:\n\n{{{{ answer mini/square.py:y:.1f }}}}")
    assert [p.message for p in checked(mini)] == []
    assert re.search(
        r"</form>\s*<p>The square:</p>\s*<form[^>]*>.*?</form>\s*<details class=\"tip\">", convert(mini), re.S
    )


def test_an_answer_in_a_fold_is_reported(mini):
    edit(mini.root / PAGE, "    Twice $x$:", "    {{ answer mini/square.py:slope:.1f }}\n\n    Twice $x$:")
    (folded,) = [p for p in checked(mini) if "inside a fold" in p.message]
    assert folded.line == line_of(mini.root / PAGE, "{{ answer mini/square.py:slope:.1f }}")
    assert folded.message.startswith("an exercise box inside a fold stays hidden until the fold is opened")


def test_an_answer_of_several_numbers_is_reported(mini):
    edit(mini.root / SNIPPET, 'print("by hand:", slope)', 'print("by hand:", slope)\nslopes = [slope, slope]')
    edit(mini.root / PAGE, ANSWER, "{{ answer mini/square.py:slopes:.1f }}")
    record(mini)
    (several,) = [p for p in checked(mini) if "one number" in p.message]
    assert (several.file, several.line) == (PAGE, line_of(mini.root / PAGE, "{{ answer mini/square.py:slopes"))
    assert several.message == (
        "{{ mini/square.py:slopes:.1f }} is recorded as '[6.0, 6.0]': an answer must be one number"
    )


def test_the_notebook_checks_answers_with_nothing_but_python(mini):
    notebook = nbformat.reads(notebook_text(page(mini)), as_version=4)
    roles = [cell.metadata.get("tags", [None])[0] for cell in notebook.cells]
    assert roles.count("checker") == 1 and roles.count("check") == 1
    checker = next(cell.source for cell in notebook.cells if "checker" in cell.metadata.get("tags", []))
    assert "lessonkit" not in checker.replace("lessonkit/answers.py", "").split('"""', 2)[-1]
    namespace = {}
    exec(checker, namespace)  # a fresh namespace, as in a new kernel
    for answer, expected in [
        ("6", "Exercise 1: the slope: Right."),
        ("7.0", "Exercise 1: the slope: Not yet.\nHint: The power rule gives $2x$."),
    ]:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            namespace["check"](1, answer)
        assert printed.getvalue() == expected + "\n"


def test_each_answer_box_becomes_a_cell_for_the_learner_and_a_check(mini):
    cells = [(cell.kind, cell.role, cell.source) for cell in read_cells(page(mini)) if cell.role]
    assert [role for _, role, _ in cells] == ["checker", "answer", "answer", "check"]
    assert cells[2][2].startswith("answer_1 = ...") and cells[3][2] == "check(1, answer_1)"
