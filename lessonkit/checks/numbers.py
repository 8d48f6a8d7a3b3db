"""Numbers typed on a page: every stated value comes from the code, by one rule.

**The rule.** A number may be typed when it is an integer of one digit, 0 to 9: a count, an
exercise or step number, an exponent, coefficient or constant of a formula (the 2 in $x^2$,
the 1 in $1 - \\sigma$). Every other number on a page states a value, and comes from the code:
a placeholder, a recording or a generated include. So any number with two or more digits, a
decimal point or an exponent is reported wherever it is typed: prose, headings, tables,
admonition titles, captions, hints and maths alike, and in a code span that holds a number
and nothing else (`5e-324`). Code in a code span (`torch.tensor(3.0)`) is an input written as code.

A one-digit input stated as `name = value` (at $a = 2$) is tied to the code: the check finds
a variable of that name in the snippets of that part of the page (from its heading to the
next) and reports the page if the two disagree.

The message names the placeholder to write whenever the code holds the number: a value the
page already quotes, or a variable of the part's snippets that shows as the typed text.
"""

import re
from collections.abc import Iterator
from typing import Any

from lessonkit import recordings
from lessonkit.errors import LessonError, Problem
from lessonkit.lesson import Lesson
from lessonkit.runner import run_snippet
from lessonkit.syntax import readable
from lessonkit.values import scalar

# A number standing on its own: not part of a word or name (float32, x2, 3x, U+200B), a version or a list index.
NUMBER = re.compile(r"(?<![\w.^_\\])[-−]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+−]?\d+)?(?![\w]|\.\d)")
_BOUND = re.compile(r"(?P<name>\\?[A-Za-z]\w*)\s*=\s*\$?\s*$")
# What may follow a value that ends its expression: the end of maths or of the line, or punctuation.
_ENDS = re.compile(r"\s*(?:\$|[,.;:)]|$|\s+[a-z]{2,})")
_HOW = "a number of two or more digits, or with a decimal point or an exponent, states a value and comes from the code"


def check(lesson: Lesson) -> list[Problem]:
    problems = []
    for line, column, number, before, after in _typed_numbers(lesson):
        if _is_constant(number):
            problems += _tied(lesson, line, column, number, before, after)
        else:
            message = f"'{number}' is typed: {_HOW}; {_suggestion(lesson, line, number)}"
            problems.append(Problem(lesson.name, line, message, column))
    return problems


def _typed_numbers(lesson: Lesson) -> Iterator[tuple[int, int | None, str, str, str]]:
    """(line, column, number, the text before it, the text after it) for every number typed in the page's text."""
    for text in lesson.texts:
        line = readable(text.text, lesson.spans_by_line.get(text.line, []))
        for match in NUMBER.finditer(line):
            yield text.line, match.start() + 1, match.group(), line[: match.start()], line[match.end() :]
    description = lesson.description or ""
    where = next((n for n, text in enumerate(lesson.parsed.lines, 1) if text.startswith("description:")), 1)
    for match in NUMBER.finditer(description):
        yield where, None, match.group(), description[: match.start()], description[match.end() :]


def _is_constant(number: str) -> bool:
    return re.fullmatch(r"[-−]?\d", number) is not None


def _tied(lesson: Lesson, line: int, column: int | None, number: str, before: str, after: str) -> list[Problem]:
    """A one-digit `name = value` must be a value the variable `name` of the part's snippets held."""
    bound = _BOUND.search(before)
    if bound is None or not _ENDS.match(after):  # in $y = 2\sum_j x_j$ the 2 is a coefficient
        return []
    name = bound["name"].lstrip("\\")
    found = list(_variables(lesson, line, name))
    if not found or any(float(number.replace("−", "-")) in held for _, held in found):
        return []
    snippet, held = found[0]
    value = max(held, key=lambda value: abs(value - float(number.replace("−", "-"))))
    message = (
        f"the page states {name} = {number}, but snippets/{snippet} computes with {name} = {value:g}; "
        f"correct the text, or write {{{{ {snippet}:{name}:g }}}}"
    )
    return [Problem(lesson.name, line, message, column)]


def _variables(lesson: Lesson, line: int, name: str) -> Iterator[tuple[str, set[float]]]:
    """Every number the variable `name` held between the sections of each snippet of this part of the page."""
    for snippet in lesson.snippets_in(*lesson.part_of(line)):
        try:
            held = run_snippet(snippet, lesson.project).history.get(name)
        except LessonError:
            continue  # the code checks report a snippet that fails
        if held:
            yield snippet, held


def _suggestion(lesson: Lesson, line: int, number: str) -> str:
    """The placeholder that would show this number, if the code of the page holds it."""
    typed = number.replace("−", "-")
    parts = [lesson.snippets_in(*lesson.part_of(line)), lesson.snippets_in(1, len(lesson.parsed.lines))]
    for snippet in dict.fromkeys(snippet for part in parts for snippet in part):
        try:
            quoted = recordings.read_values(lesson.project, snippet)
        except LessonError:
            quoted = {}
        for key, shown in quoted.items():
            if shown == typed:
                return f"write {{{{ {snippet}:{key} }}}}"
        spec = _spec(typed)
        for expr, value in _candidates(_namespace(lesson, snippet)):
            if format(value, spec) in (typed, typed.lstrip("+")):
                return f"write {{{{ {snippet}:{expr}:{spec} }}}}"
    return "write it as a placeholder of the variable that holds it, {{ lesson/snippet.py:name:format }}"


def _spec(typed: str) -> str:
    """The format spec that writes a number as it was typed: 326 -> .0f, 0.2229 -> .4f, 5.4e-09 -> .1e."""
    mantissa, _, exponent = typed.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return f".{decimals}e" if exponent else f".{decimals}f"


def _namespace(lesson: Lesson, snippet: str) -> dict[str, Any]:
    try:
        return run_snippet(snippet, lesson.project).namespace
    except LessonError:
        return {}  # the code checks report a snippet that fails


def _candidates(namespace: dict[str, Any]) -> Iterator[tuple[str, float]]:
    """Every number a placeholder can reach in a few steps: variables, their elements and gradients."""
    for name, value in namespace.items():
        if name.startswith("_"):
            continue
        yield from _reachable(name, value, depth=2)


def _reachable(expr: str, value: Any, depth: int) -> Iterator[tuple[str, float]]:
    number = scalar(value)
    if number is not None:
        yield expr, number
    grad = value.grad if getattr(value, "is_leaf", False) else None  # only a leaf keeps its gradient
    if grad is not None:
        yield from _reachable(f"{expr}.grad", grad, depth)
    if depth and (isinstance(value, (list, tuple)) or getattr(value, "dim", lambda: 0)() == 1) and len(value) <= 64:
        for index, item in enumerate(value):
            yield from _reachable(f"{expr}[{index}]", item, depth - 1)
