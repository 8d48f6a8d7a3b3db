"""Numbers a reader sees: every stated value comes from the code, by one rule.

**The rule.** A number may be typed when it is an integer of one digit, 0 to 9: a count, an
exercise or step number, an exponent, coefficient or constant of a formula (the 2 in $x^2$,
the 1 in $1 - \\sigma$). Every other number a reader sees states a value, and comes from the
code: a placeholder, a recording or a generated include. So any number with two or more
digits, a decimal point or an exponent is reported wherever it is typed:

- in a page: prose, headings, tables, admonition titles, captions, hints and maths, the front
  matter's description and summary, and a code span that holds a number and nothing else
  (`5e-324`); code in a code span (`torch.tensor(3.0)`) is an input written as code;
- in the text a snippet prints (the strings and f-string text given to print) and in the text
  of a figure (every string of snippets/figures/<lesson>.py): format the variable instead.

A one-digit input stated as `name = value` (at $a = 2$) is tied to the code: the check finds
a variable of that name in the snippets of that part of the page (from its heading to the
next) and reports the page if the two disagree. A generic formula that uses the code's letter
for another point (a rule stated "at $x = 0$" for any function) names its point otherwise:
$x_0 = 0$, or in words; the message says so.

The message names the placeholder to write whenever the code holds the number: a value the
page already quotes, or a variable of the part's snippets that shows as the typed text.
"""

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lessonkit import recordings, syntax
from lessonkit.errors import LessonError, Problem
from lessonkit.lesson import Lesson
from lessonkit.project import Project
from lessonkit.values import scalar

_HOW = "a number of two or more digits, or with a decimal point or an exponent, states a value and comes from the code"
FRONT_MATTER = ("description", "summary")


def page_problems(lesson: Lesson, code) -> list[Problem]:
    """Numbers typed in a page; `code` runs snippets (lessonkit.verify.Code) to tie inputs and suggest placeholders."""
    problems = []
    for typed in _typed_numbers(lesson):
        if _is_digit(typed.number):
            problems += _tied(lesson, code, typed)
        else:
            message = f"'{typed.number}' is typed: {_HOW}; {_suggestion(lesson, code, typed)}"
            problems.append(Problem(lesson.name, typed.line, message, typed.column))
    return problems


def code_problems(project: Project, path: Path) -> list[Problem]:
    """Numbers typed into text a snippet prints, or into any text of a figure module."""
    try:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
    except (SyntaxError, UnicodeDecodeError):
        return []  # the code checks report a file that cannot be read
    figures = path.parent == project.snippets_dir / "figures"
    strings = _all_text(tree) if figures else _printed_text(tree)
    where = "the figure's text" if figures else "text the snippet prints"
    problems = []
    for node in strings:
        for typed in syntax.numbers_in(node.value):
            if _is_digit(typed.number) or node.lineno is None:
                continue
            column = _column(source.splitlines()[node.lineno - 1], node, typed)
            message = (
                f"'{typed.number}' is typed into {where}: {_HOW}; format the variable that holds it "
                'instead, as in f"at x = {x:g}"'
            )
            problems.append(Problem(project.display(path), node.lineno, message, column))
    return problems


def _column(line: str, node: ast.Constant, typed: syntax.TypedNumber) -> int | None:
    """The column (from 1) of a number typed into a string literal, as the file shows it; None if it spans lines.

    The literal's text in the file differs from its value (quotes, a prefix, escapes), and a part of an f-string
    starts where the f-string does on Python 3.11: so the number is found in the line, from where the node starts.
    """
    if node.end_lineno != node.lineno:
        return None
    start = len(line.encode()[: node.col_offset].decode(errors="replace"))  # ast counts bytes, not characters
    index = start - 1
    for _ in range(node.value[: typed.column - 1].count(typed.number) + 1):
        index = line.find(typed.number, index + 1)
        if index < 0:
            return None
    return index + 1


def _printed_text(tree: ast.AST) -> Iterator[ast.Constant]:
    """The literal text given to print() or to a .write(): strings, and the text parts of f-strings."""
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and _prints(call.func):
            for argument in [*call.args, *(keyword.value for keyword in call.keywords if keyword.arg is None)]:
                yield from _texts(argument)


def _all_text(tree: ast.AST) -> Iterator[ast.Constant]:
    """Every string of a module but its docstrings and format specs."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    specs = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.FormattedValue) and node.format_spec
        for part in ast.walk(node.format_spec)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings | specs:
            yield node


def _prints(function: ast.expr) -> bool:
    return (isinstance(function, ast.Name) and function.id == "print") or (
        isinstance(function, ast.Attribute) and function.attr == "write"
    )


def _texts(node: ast.AST) -> Iterator[ast.Constant]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        yield from (part for part in node.values if isinstance(part, ast.Constant))
    elif isinstance(node, ast.BinOp):  # "a" + "b", "%s" % x
        yield from _texts(node.left)
        yield from _texts(node.right)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        yield from _texts(node.func.value)  # "{} at 0.5".format(y)


def _typed_numbers(lesson: Lesson) -> Iterator[syntax.TypedNumber]:
    """Every number typed in the page's text and in the front matter's text."""
    for text in lesson.texts:
        yield from syntax.typed_numbers(text, lesson.spans_by_line.get(text.line, []))
    for key in FRONT_MATTER:
        value = lesson.front_matter.get(key)
        if isinstance(value, str):
            for typed in syntax.numbers_in(value, lesson.line_of_key(key)):
                yield syntax.TypedNumber(typed.line, None, typed.number, typed.bound)


def _is_digit(number: str) -> bool:
    return len(number.lstrip("-−")) == 1 and number[-1].isdigit()


def _tied(lesson: Lesson, code, typed: syntax.TypedNumber) -> list[Problem]:
    """A one-digit `name = value` must be a value the variable `name` of the part's snippets held."""
    if typed.bound is None:  # in $y = 2\sum_j x_j$ the 2 is a coefficient
        return []
    found = list(_variables(lesson, code, typed.line, typed.bound))
    value = float(typed.number.replace("−", "-"))
    if not found or any(value in held for _, held in found):
        return []
    snippet, held = found[0]
    nearest = max(held, key=lambda number: abs(number - value))
    message = (
        f"the page states {typed.bound} = {typed.number}, but snippets/{snippet} computes with "
        f"{typed.bound} = {nearest:g}; correct the text, or write {{{{ {snippet}:{typed.bound}:g }}}}. If the "
        f"formula holds for any {typed.bound} rather than stating the code's input, name the point otherwise "
        f"(${typed.bound}_0 = {typed.number}$, or in words)"
    )
    return [Problem(lesson.name, typed.line, message, typed.column)]


def _variables(lesson: Lesson, code, line: int, name: str) -> Iterator[tuple[str, set[float]]]:
    """Every number the variable `name` held between the sections of each snippet of this part of the page."""
    for snippet in lesson.snippets_in(*lesson.part_of(line)):
        try:
            held = code.run(snippet).history.get(name)
        except LessonError:
            continue  # the code checks report a snippet that fails
        if held:
            yield snippet, held


def _suggestion(lesson: Lesson, code, typed: syntax.TypedNumber) -> str:
    """The placeholder that would show this number, if the code of the page holds it."""
    number = typed.number.replace("−", "-")
    parts = [lesson.snippets_in(*lesson.part_of(typed.line)), lesson.snippets_in(1, len(lesson.parsed.lines))]
    for snippet in dict.fromkeys(snippet for part in parts for snippet in part):
        try:
            quoted = recordings.read_values(lesson.project, snippet)
        except LessonError:
            quoted = {}
        for key, shown in quoted.items():
            if shown == number:
                return f"write {{{{ {snippet}:{key} }}}}"
        spec = _spec(number)
        for expr, value in _candidates(_namespace(code, snippet)):
            if format(value, spec) in (number, number.lstrip("+")):
                return f"write {{{{ {snippet}:{expr}:{spec} }}}}"
    return "write it as a placeholder of the variable that holds it, {{ lesson/snippet.py:name:format }}"


def _spec(typed: str) -> str:
    """The format spec that writes a number as it was typed: 326 -> .0f, 0.2229 -> .4f, 5.4e-09 -> .1e."""
    mantissa, _, exponent = typed.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return f".{decimals}e" if exponent else f".{decimals}f"


def _namespace(code, snippet: str) -> dict[str, Any]:
    try:
        return code.run(snippet).namespace
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
