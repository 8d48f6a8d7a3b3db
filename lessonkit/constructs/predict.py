"""`{{ predict lesson/snippet.py:answer | other another }}`: which output will the code print? Ask before telling.

    !!! question "Predict"
        What does the second backward() leave in x.grad?

    {{ predict traps/accumulate.py:twice | once reset }}

    ```{.python notest}                     <- the code that answers, right under the directive,
    --8<-- "traps/accumulate.py:twice"
    ```
    ```{.text .no-copy title="Output"}       <- and its output, and the explanation after them up to
    --8<-- "traps/outputs/accumulate/twice.txt"     the next heading or exercise box: all stay folded
    ```                                             until the learner chooses

The choices are the recorded outputs of sections: the one that answers, and distractors, each
the output of plausible code that really prints it (the off-by-one, the buggy variant, the other
dtype). Their order is fixed by the sections' names, so the answer is not always first. On the
page, choosing (right or wrong) opens the fold; in the notebook, the learner writes a letter, a
check cell says whether it is right, and the cell that answers is collapsed until opened.
"""

import hashlib
import html

from lessonkit import recordings
from lessonkit.constructs.base import Check, Construct, WantOutput, at
from lessonkit.errors import RECORD, LessonError
from lessonkit.lesson import Lesson
from lessonkit.site import Where
from lessonkit.syntax import PredictDirective

LETTERS = "ABCDEFGH"
REVEAL = '??? example lesson-reveal "The code, what it printed, and why (it opens once you have chosen)"'


class Predict(Construct):
    nodes = (PredictDirective,)

    def wanted(self, page: Lesson, directive: PredictDirective):
        for choice in directive.choices:
            yield WantOutput(directive.snippet, choice, Where(page.name, directive.line))

    def problems(self, check: Check, page: Lesson, directive: PredictDirective):
        if page.text_at[directive.line].folded:
            yield at(
                page,
                directive.line,
                "an exercise box inside a fold stays hidden until the fold is opened: put it right under the question",
            )
        if len(set(directive.choices)) < len(directive.choices):
            yield at(page, directive.line, "a section is offered twice: each choice is a section of its own")
        try:
            for choice in directive.choices:
                page.section_of(directive.snippet, choice, directive.line)
            printed = [check.code.output(directive.snippet, choice) for choice in directive.choices]
        except LessonError as error:
            yield error.problem
            return
        if any(output is None for output in printed):
            return  # the snippet fails: its own error says where
        if not all(printed):
            silent = [choice for choice, output in zip(directive.choices, printed, strict=True) if not output]
            yield at(
                page,
                directive.line,
                f"a choice prints nothing ({', '.join(silent)}): each choice is what its section prints",
            )
        elif len(set(printed)) < len(printed):
            yield at(page, directive.line, "two choices print the same output: a learner could not tell them apart")
        if not page.revealed(directive):
            where = f"{directive.snippet}:{directive.answer}"
            block = f'```{{.python notest title="snippets/{directive.snippet}"}}\n--8<-- "{where}"\n```'
            message = (
                f"show the code that answers right under the prediction, with its output under it: it stays "
                f"folded until the learner has chosen, and no text between them gives the answer away:\n{block}"
            )
            yield at(page, directive.line, message)

    def fill(self, page: Lesson, directive: PredictDirective, out) -> None:
        options = choices(page, directive)
        name = f"lesson-predict-{directive.line}"
        right = [section for section, _ in options].index(directive.answer)
        # A label holds phrasing content only: each output is a <code> laid out as a block of its own.
        labels = "".join(
            f'<label class="lesson-choice"><input type="radio" name="{name}" value="{index}"> '
            f"<code>{html.escape(output.rstrip())}</code></label>"
            for index, (_, output) in enumerate(options)
        )
        out.replace_lines(
            directive,
            [
                out.box(
                    f'<form class="lesson-predict" data-answer="{right}"><fieldset>'
                    f"<legend>Which output will it print?</legend>{labels}</fieldset>"
                    '<button class="md-button md-button--primary" type="submit">Check</button>'
                    f'<p id="{name}-result" class="lesson-result" role="status"></p></form>'
                )
            ],
        )
        revealed = page.revealed(directive)
        if revealed:
            out.fold(*revealed, REVEAL)

    def cells(self, page: Lesson, directive: PredictDirective, notebook):
        options = choices(page, directive)
        letters = LETTERS[: len(options)]
        listed = "\n\n".join(
            f"{letter}.\n```text\n{output.rstrip()}\n```" for letter, (_, output) in zip(letters, options, strict=True)
        )
        number = notebook.exercises.number(directive)
        spelled = ", ".join(f'"{letter}"' for letter in letters[:-1]) + f' or "{letters[-1]}"'
        return [
            *notebook.exercises.first_cells(),
            notebook.cell("markdown", f"**Predict:** which output will the code below print?\n\n{listed}", "answer"),
            notebook.cell("code", f"answer_{number} = ...  # {spelled}", "answer"),
            notebook.cell("code", f"check({number}, answer_{number})", "check"),
        ]


def choices(page: Lesson, directive: PredictDirective) -> list[tuple[str, str]]:
    """(section, recorded output) of a prediction's choices, in the order the page shows them.

    The order is fixed by the sections' names, not by the directive, so the right one is not always first.
    A choice without a recorded output raises LessonError at the directive's line.
    """
    found = []
    for name in sorted(directive.choices, key=lambda name: hashlib.sha256(name.encode()).hexdigest()):
        output = recordings.read_output(recordings.output_path(page.project, directive.snippet, name), page.project)
        if not output:
            message = f"the choice {directive.snippet}:{name} has no recorded output; run `{RECORD}`"
            raise LessonError(page.name, directive.line, message)
        found.append((name, output))
    return found


CONSTRUCT = Predict()
