"""A notebook's exercises: numbered in page order, and checked by one checker cell that needs nothing of this project.

The first exercise brings the checker cell: the rule of lessonkit/answers.py, copied in, and
the recorded answers with their hints. The notebook then needs nothing of this project to
run: plain Jupyter or Colab with torch and sympy is enough. What cells each exercise gets is
its construct's to say (lessonkit.constructs: answer, predict, fix).
"""

import inspect

from lessonkit import answers
from lessonkit.constructs.predict import LETTERS, choices
from lessonkit.lesson import Lesson
from lessonkit.syntax import PredictDirective

CHECKER_INTRO = "# Checks your answers to this notebook's exercises: run this cell once, then each check cell.\n"
CHECK = '''

ANSWERS = {answers}


def check(number, answer):
    """Print whether `answer` is the answer to exercise `number`, and the hint if it is not."""
    kind, shown, title, hint = ANSWERS[number]
    right, message = check_choice(answer, shown) if kind == "choice" else check_answer(answer, shown)
    print(f"{{title}}: {{message}}" + ("" if right or not hint else f"\\nHint: {{hint}}"))
'''


class Exercises:
    def __init__(self, notebook, lesson: Lesson):
        self.notebook, self.lesson = notebook, lesson
        self.checker_written = False

    def number(self, directive) -> int:
        """The exercise's number in the notebook: its place among the page's boxes, from 1."""
        return self.lesson.exercises.index(directive) + 1

    def first_cells(self) -> list:
        """The checker cell, before the first exercise."""
        if self.checker_written:
            return []
        self.checker_written = True
        return [self.notebook.cell("code", self.checker(), "checker")]

    def checker(self) -> str:
        entries = []
        for number, box in enumerate(self.lesson.exercises, 1):
            if isinstance(box, PredictDirective):
                options = [section for section, _ in choices(self.lesson, box)]
                kind, shown = "choice", LETTERS[options.index(box.answer)]
            else:
                kind, shown = "number", self.lesson.value(box.ref, box.line)
            title, hint = self.lesson.exercise_title(box), self.lesson.hint_text(box)
            entries.append(f"    {number}: ({kind!r}, {shown!r}, {title!r}, {hint!r}),")
        rule = inspect.getsource(answers)
        return CHECKER_INTRO + rule + CHECK.format(answers="{\n" + "\n".join(entries) + "\n}")
