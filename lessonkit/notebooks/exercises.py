"""A notebook's exercises: the learner's own cells, and check cells that say "Right" or "Not yet" with the hint.

The first exercise brings a checker cell: the rule of lessonkit/answers.py, copied in, and the
recorded answers with their hints. The notebook then needs nothing of this project to run:
plain Jupyter or Colab with torch and sympy is enough.

- an answer box becomes a cell `answer_1 = ...` for the learner and a cell `check(1, answer_1)`;
- a fix becomes a cell `check(2, grad)` under the code to fix, which the learner edits and re-runs;
- a prediction becomes its question with the recorded outputs to choose from; the next cell runs it.
"""

import inspect

from lessonkit import answers
from lessonkit.exercises import choices
from lessonkit.lesson import Lesson
from lessonkit.syntax import Directive

CHECKER_INTRO = "# Checks your answers to this notebook's exercises: run this cell once, then each check cell.\n"
CHECK = '''

ANSWERS = {answers}


def check(number, answer):
    """Print whether `answer` is the answer to exercise box `number`, and the hint if it is not."""
    shown, title, hint = ANSWERS[number]
    right, message = check_answer(answer, shown)
    print(f"{{title}}: {{message}}" + ("" if right or not hint else f"\\nHint: {{hint}}"))
'''


class Exercises:
    def __init__(self, lesson: Lesson):
        self.lesson = lesson
        self.boxes = [directive for directive in lesson.exercises if directive.kind in ("answer", "fix")]
        self.checker_written = False

    def on_line(self, line: int) -> list[Directive]:
        return [directive for directive in self.lesson.exercises if directive.line == line]

    def cells(self, directive: Directive) -> list[tuple[str, str, str | None]]:
        """(kind, source, role) of the cells an exercise box becomes."""
        if directive.kind == "predict":
            outputs = "\n\n".join(
                f"{letter}.\n```text\n{output.rstrip()}\n```"
                for letter, (_, output) in zip("ABCDEFGH", choices(self.lesson, directive), strict=False)
            )
            return [("markdown", f"**Predict:** which output will the next cell print?\n\n{outputs}", "answer")]
        number = self.boxes.index(directive) + 1
        cells = [] if self.checker_written else [("code", self.checker(), "checker")]
        self.checker_written = True
        if directive.kind == "answer":
            cells += [
                (
                    "markdown",
                    "**Your turn:** write your answer in the cell below, then run the check under it.",
                    "answer",
                ),
                ("code", f'answer_{number} = ...  # a number such as 0.25, or text such as "2/3"', "answer"),
                ("code", f"check({number}, answer_{number})", "check"),
            ]
        else:
            cells += [
                ("markdown", "**Your turn:** fix the code above and run it again, then run the check below.", "answer"),
                ("code", f"check({number}, {directive.ref.expr})", "check"),
            ]
        return cells

    def checker(self) -> str:
        entries = []
        for number, box in enumerate(self.boxes, 1):
            shown = self.lesson.value(box.ref, box.line)
            entries.append(f"    {number}: ({shown!r}, {self._title(box)!r}, {self.lesson.hint_text(box)!r}),")
        rule = inspect.getsource(answers)
        return CHECKER_INTRO + rule + CHECK.format(answers="{\n" + "\n".join(entries) + "\n}")

    def _title(self, box: Directive) -> str:
        first, _ = self.lesson.part_of(box.line)
        heading = next((heading for heading in self.lesson.headings if heading.line == first), None)
        return heading.title if heading else "This exercise"
