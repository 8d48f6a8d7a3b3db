"""`{{ answer lesson/snippet.py:name:spec }}`: a box the learner types a number into, checked against the recording.

On the page, docs/javascripts/exercises.js applies the rule of lessonkit/answers.py, says
"Right" or "Not yet" in a live region, and opens the hint under the box after a wrong try.
In the notebook, the learner writes `answer_1 = ...` and runs a check cell. The box sits
right under the question, never in a fold, and a `??? tip "Hint"` follows it.
"""

import html

from lessonkit import recordings
from lessonkit.answers import read_number
from lessonkit.constructs.base import Check, Construct, WantValue, at
from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.site import Where
from lessonkit.syntax import AnswerDirective

HINT = '??? tip "Hint"'


class Answer(Construct):
    nodes = (AnswerDirective,)

    def wanted(self, page: Lesson, directive: AnswerDirective):
        yield WantValue(directive.ref, Where(page.name, directive.line))

    def problems(self, check: Check, page: Lesson, directive: AnswerDirective):
        text = page.text_at[directive.line]
        if text.folded:
            yield at(
                page,
                directive.line,
                "an exercise box inside a fold stays hidden until the fold is opened: put it right under the question",
            )
            return
        yield from one_number(page, directive)
        if page.hint(directive) is None:
            indent = " " * text.depth
            yield at(
                page, directive.line, f"give the answer box a hint, right under it:\n{indent}{HINT}\n{indent}    ..."
            )

    def fill(self, page: Lesson, directive: AnswerDirective, out) -> None:
        value, name = page.value(directive.ref, directive.line), f"lesson-answer-{directive.line}"
        out.replace_lines(
            directive,
            [
                out.box(
                    f'<form class="lesson-answer" data-answer="{html.escape(value)}" autocomplete="off">'
                    f'<label for="{name}">Your answer</label> '
                    f'<input id="{name}" name="answer" type="text" spellcheck="false" '
                    f'aria-describedby="{name}-result"> '
                    '<button class="md-button md-button--primary" type="submit">Check</button>'
                    f'<p id="{name}-result" class="lesson-result" role="status"></p></form>'
                )
            ],
        )

    def cells(self, page: Lesson, directive: AnswerDirective, notebook):
        number = notebook.exercises.number(directive)
        return [
            *notebook.exercises.first_cells(),
            notebook.cell(
                "markdown", "**Your turn:** write your answer in the cell below, then run the check under it.", "answer"
            ),
            notebook.cell("code", f'answer_{number} = ...  # a number such as 0.25, or text such as "2/3"', "answer"),
            notebook.cell("code", f"check({number}, answer_{number})", "check"),
        ]


def one_number(page: Lesson, directive) -> list:
    """An exercise's recorded value must be one number, for the box and the notebook's check to compare."""
    try:
        value = recordings.read_values(page.project, directive.ref.snippet).get(directive.ref.key)
    except LessonError:
        return []  # lessonkit.verify reports a recording it cannot read
    if value is not None and read_number(value) is None:
        return [
            at(
                page,
                directive.line,
                f"{{{{ {directive.ref} }}}} is recorded as {value!r}: an answer must be one number",
            )
        ]
    return []


CONSTRUCT = Answer()
