"""Values a page quotes (placeholders and answer boxes) are recorded, and the code still computes them."""

from lessonkit import recordings
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.lesson import Lesson
from lessonkit.runner import run_snippet
from lessonkit.syntax import Directive, Malformed, Placeholder
from lessonkit.values import compute


def check(lesson: Lesson) -> list[Problem]:
    problems: list[Problem] = []
    failed: set[str] = set()  # snippets or recordings that cannot be read: reported once
    for span in lesson.spans:
        if isinstance(span, Malformed):
            problems.append(Problem(lesson.name, span.line, span.message))
        elif isinstance(span, (Placeholder, Directive)) and span.ref is not None and span.ref.snippet not in failed:
            problems += _value(lesson, span, failed)
    return problems


def _value(lesson: Lesson, span: Placeholder | Directive, failed: set[str]) -> list[Problem]:
    ref = span.ref
    try:
        recordings.read_values(lesson.project, ref.snippet)  # an unreadable recording: reported once per snippet
        namespace = run_snippet(ref.snippet, lesson.project).namespace
    except LessonError as error:
        failed.add(ref.snippet)
        return [error.problem]
    try:
        actual = compute(namespace, ref.key)
    except Exception as error:  # a name the snippet does not define, a bad format spec, ...
        return [Problem(lesson.name, span.line, f"{span.text.strip()} cannot be computed: {error!r}")]
    try:
        shown = lesson.value(ref, span.line)
    except LessonError as error:  # none recorded
        return [error.problem]
    if shown != actual:
        message = (
            f"the page shows {{{{ {ref} }}}} as {shown!r}, but the code now gives {actual!r}; "
            f"check that the sentence around it still holds, then run `{RECORD}`"
        )
        return [Problem(lesson.name, span.line, message)]
    return []
