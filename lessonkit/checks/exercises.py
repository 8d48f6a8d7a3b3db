"""Exercise boxes can work: an answer is one recorded number with a hint under it, choices are recorded outputs."""

from lessonkit import recordings
from lessonkit.answers import read_number
from lessonkit.errors import LessonError, Problem
from lessonkit.exercises import choices
from lessonkit.lesson import Lesson
from lessonkit.sections import find_section
from lessonkit.syntax import Directive

HINT = '??? tip "Hint"'


def check(lesson: Lesson) -> list[Problem]:
    problems = []
    for directive in lesson.exercises:
        messages = _messages(lesson, directive)
        problems += [Problem(lesson.name, directive.line, message) for message in messages]
    return problems


def _messages(lesson: Lesson, directive: Directive) -> list[str]:
    if lesson.text_at[directive.line].folded:
        return ["an exercise box inside a fold stays hidden until the fold is opened: put it right under the question"]
    if directive.kind == "predict":
        return _choices(lesson, directive)
    messages = _sections(lesson, directive) if directive.kind == "fix" else []
    try:
        value = recordings.read_values(lesson.project, directive.ref.snippet).get(directive.ref.key)
    except LessonError:
        value = None  # the values check reports a recording it cannot read
    if value is not None and read_number(value) is None:
        messages.append(f"{{{{ {directive.ref} }}}} is recorded as {value!r}: an answer must be one number")
    if directive.kind == "answer" and lesson.hint(directive) is None:
        indent = " " * lesson.text_at[directive.line].depth
        messages.append(f"give the answer box a hint, right under it:\n{indent}{HINT}\n{indent}    ...")
    return messages


def _sections(lesson: Lesson, directive: Directive) -> list[str]:
    messages = []
    for name in directive.choices:
        try:
            find_section(lesson.project.snippets_dir, directive.snippet, name)
        except (LookupError, LessonError) as error:
            messages.append(str(error))
    return messages


def _choices(lesson: Lesson, directive: Directive) -> list[str]:
    messages = _sections(lesson, directive)
    if messages:
        return messages
    try:
        outputs = [output for _, output in choices(lesson, directive)]
    except LessonError as error:  # a choice with no recorded output
        return [error.problem.message]
    if len(set(outputs)) < len(outputs):
        return ["two choices print the same output: a learner could not tell them apart"]
    return []
