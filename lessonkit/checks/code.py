"""Code on a page: every block is a snippet section the engine runs, or a fence pytest-markdown-docs runs,
and the output under a block is always the recording of what that section prints now."""

import difflib

from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.lesson import PYTHON, Lesson
from lessonkit.recordings import read_output
from lessonkit.runner import run_snippet
from lessonkit.syntax import Fence, Include

OUTPUT_FENCE = '```{.text .no-copy title="Output"}'


def check(lesson: Lesson) -> list[Problem]:
    problems: list[Problem] = []
    failed: set[str] = set()  # snippets that cannot run: reported once, at their own line
    under_code = {fence.line for fence, _ in lesson.output_blocks.values()}
    previous = None
    for fence in lesson.fences:
        problems += _fence(lesson, fence, previous, fence.line in under_code, failed)
        previous = fence
    return problems


def _fence(lesson: Lesson, fence: Fence, previous: Fence | None, is_output: bool, failed: set[str]) -> list[Problem]:
    def at(line: int, message: str) -> list[Problem]:
        return [Problem(lesson.name, line, message)]

    if not fence.includes:
        if (previous is not None and fence.follows_fence and previous.lang in PYTHON) or fence.title == "Output":
            return at(
                fence.line,
                "a hand-typed output block: the output under code must be its recording. Move the code into "
                f"snippets/, include its section, and include the recording under it:\n{OUTPUT_FENCE}",
            )
        if fence.lang not in PYTHON:
            return []
        if "notest" in fence.options:
            return at(fence.line, "this Python block is marked notest, so no test runs it: move it into snippets/")
        if fence.indent:
            return at(
                fence.line,
                "pytest-markdown-docs cannot see an indented Python block (inside an admonition or a tab): "
                "move the code into snippets/ and include it",
            )
        return []
    include = fence.include
    if include is None:
        return at(fence.line, "a block that includes a snippet must hold exactly one '--8<--' line and nothing else")
    if not include.is_code:
        if is_output:
            return []  # its code block checks it
        return at(include.line, "only snippet sections, and right under them their recorded output, can be included")
    return _code(lesson, fence, include, failed)


def _code(lesson: Lesson, fence: Fence, include: Include, failed: set[str]) -> list[Problem]:
    where = f"{include.target}:{include.section}"
    if fence.lang != "python" or "notest" not in fence.options:
        message = (
            f"open this block with ```{{.python notest}}: it shows {where}, which the engine runs, "
            "and pytest-markdown-docs must not run the include line itself"
        )
        return [Problem(lesson.name, fence.line, message)]
    if include.section is None:
        return [Problem(lesson.name, include.line, f"include one section, '{include.target}:NAME', not the whole file")]
    try:
        lesson.section(include)
    except LessonError as error:
        return [error.problem]
    if include.target in failed:
        return []
    try:
        printed = run_snippet(include.target, lesson.project).outputs[include.section]
    except LessonError as error:  # at the snippet's own line; the other snippets of the page are still checked
        failed.add(include.target)
        return [error.problem]
    shown = lesson.output_blocks.get(fence.line)
    return [Problem(lesson.name, include.line, message) for message in _output(lesson, include, printed, shown)]


def _output(lesson: Lesson, include: Include, printed: str, shown: tuple[Fence, Include] | None) -> list[str]:
    where = f"{include.target}:{include.section}"
    recording = lesson.recording(include)
    wanted = recording.relative_to(lesson.project.snippets_dir).as_posix()
    if not printed:
        return [f"{where} prints nothing, yet an output block follows it; remove that block"] if shown else []
    if shown is None:
        block = f'{OUTPUT_FENCE}\n--8<-- "{wanted}"\n```'
        return [f"{where} prints output that the page does not show; add right after this block:\n{block}"]
    if shown[1].target != wanted:
        return [f'the output block under {where} must include "{wanted}", not "{shown[1].target}"']
    recorded = read_output(recording)
    if recorded is None:
        return [f"{where} has no recorded output yet; run `{RECORD}` to create {lesson.project.display(recording)}"]
    if recorded == printed:
        return []
    diff = "".join(
        difflib.unified_diff(recorded.splitlines(True), printed.splitlines(True), "shown on the page", "printed now")
    )
    return [
        f"the output shown for {where} is not what the code prints now; if the new output is right, "
        f"run `{RECORD}` and review the diff:\n{diff}"
    ]
