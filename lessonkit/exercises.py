"""Exercise boxes on a page, filled in from the recordings when the site is built.

- `{{ answer … }}`: a text box; docs/javascripts/exercises.js checks the learner's number against
  the recorded value with the rule of lessonkit/answers.py, says "Right" or "Not yet" in a live
  region, and opens the hint under the box after a wrong try.
- `{{ predict … }}`: a choice between the recorded outputs of sections, the right one among them.
- `{{ fix … }}`: a note that the notebook holds a check cell for this fix (a page cannot run code).

The boxes are plain HTML forms: they work by keyboard, and one script on the whole document
serves them after Material's instant navigation too.
"""

import hashlib
import html

from lessonkit.errors import RECORD, LessonError
from lessonkit.lesson import Lesson
from lessonkit.recordings import output_path, read_output
from lessonkit.syntax import Directive


def box(lesson: Lesson, directive: Directive) -> str:
    if directive.kind == "answer":
        return _answer_box(lesson.value(directive.ref, directive.line), f"lesson-answer-{directive.line}")
    if directive.kind == "predict":
        return _predict_box(lesson, directive, f"lesson-predict-{directive.line}")
    expr = html.escape(directive.ref.expr)
    return (
        '<p class="lesson-fix">In this lesson\'s notebook, fix the code above and run it again: the check cell '
        f"under it tells you when <code>{expr}</code> is right.</p>"
    )


def choices(lesson: Lesson, directive: Directive) -> list[tuple[str, str]]:
    """(section, recorded output) of a prediction's choices, in the order the page shows them.

    The order is fixed by the sections' names, not by the directive, so the right one is not always first.
    A choice without a recorded output raises LessonError at the directive's line.
    """
    found = []
    for name in sorted(directive.choices, key=lambda name: hashlib.sha256(name.encode()).hexdigest()):
        output = read_output(output_path(lesson.project, directive.snippet, name))
        if not output:
            message = f"the choice {directive.snippet}:{name} has no recorded output; run `{RECORD}`"
            raise LessonError(lesson.name, directive.line, message)
        found.append((name, output))
    return found


def _answer_box(value: str, name: str) -> str:
    return (
        f'<form class="lesson-answer" data-answer="{html.escape(value)}" autocomplete="off">'
        f'<label for="{name}">Your answer</label> '
        f'<input id="{name}" name="answer" type="text" spellcheck="false" aria-describedby="{name}-result"> '
        '<button class="md-button md-button--primary" type="submit">Check</button>'
        f'<p id="{name}-result" class="lesson-result" role="status"></p></form>'
    )


def _predict_box(lesson: Lesson, directive: Directive, name: str) -> str:
    options = choices(lesson, directive)
    right = [section for section, _ in options].index(directive.choices[0])
    # A label holds phrasing content only: each output is a <code> laid out as a block of its own.
    labels = "".join(
        f'<label class="lesson-choice"><input type="radio" name="{name}" value="{index}"> '
        f"<code>{html.escape(output.rstrip())}</code></label>"
        for index, (_, output) in enumerate(options)
    )
    return (
        f'<form class="lesson-predict" data-answer="{right}"><fieldset><legend>Which output will it print?</legend>'
        f"{labels}</fieldset>"
        '<button class="md-button md-button--primary" type="submit">Check</button>'
        f'<p id="{name}-result" class="lesson-result" role="status"></p></form>'
    )
