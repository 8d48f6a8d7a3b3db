"""`{{ fix lesson/snippet.py:buggy | fixed name:spec }}`: fix the section `buggy`; the notebook checks the result.

A page cannot run code, so it says where the check is; the notebook gets a check cell
`check(2, name)` under the code to fix, right once `name` has the value that `fixed` computes.
"""

import html

from lessonkit.constructs.answer import one_number
from lessonkit.constructs.base import Check, Construct, WantValue, at
from lessonkit.errors import LessonError
from lessonkit.lesson import Lesson
from lessonkit.site import Where
from lessonkit.syntax import FixDirective


class Fix(Construct):
    nodes = (FixDirective,)

    def wanted(self, page: Lesson, directive: FixDirective):
        yield WantValue(directive.ref, Where(page.name, directive.line))

    def problems(self, check: Check, page: Lesson, directive: FixDirective):
        if page.text_at[directive.line].folded:
            yield at(
                page,
                directive.line,
                "an exercise box inside a fold stays hidden until the fold is opened: put it right under the question",
            )
        for name in (directive.buggy, directive.fixed):
            try:
                page.section_of(directive.snippet, name, directive.line)
            except LessonError as error:
                yield error.problem
        yield from one_number(page, directive)

    def fill(self, page: Lesson, directive: FixDirective, out) -> None:
        expr = html.escape(directive.ref.expr)
        note = (
            '<p class="lesson-fix">In this lesson\'s notebook, fix the code above and run it again: the check cell '
            f"under it tells you when <code>{expr}</code> is right.</p>"
        )
        out.replace_lines(directive, [out.box(note)])

    def cells(self, page: Lesson, directive: FixDirective, notebook):
        number = notebook.exercises.number(directive)
        return [
            *notebook.exercises.first_cells(),
            notebook.cell(
                "markdown", "**Your turn:** fix the code above and run it again, then run the check below.", "answer"
            ),
            notebook.cell("code", f"check({number}, {directive.ref.expr})", "check"),
        ]


CONSTRUCT = Fix()
