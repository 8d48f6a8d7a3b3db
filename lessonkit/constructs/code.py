"""A fenced block. Code on a page is a snippet section the engine runs (or a fence pytest-markdown-docs runs),
and the block right under it is always the recording of what that section prints now.

    ```{.python notest title="snippets/chain_rule/q1.py"}
    --8<-- "chain_rule/q1.py:forward"
    ```

    ```{.text .no-copy title="Output"}
    --8<-- "chain_rule/outputs/q1/forward.txt"
    ```
"""

from lessonkit import recordings, syntax
from lessonkit.constructs.base import Check, Construct, WantOutput, at
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.lesson import PYTHON, Lesson
from lessonkit.site import Where
from lessonkit.syntax import Fence, Include

OUTPUT_FENCE = '```{.text .no-copy title="Output"}'


class CodeBlock(Construct):
    nodes = (Fence,)

    def find(self, page: Lesson) -> list[Fence]:
        return page.fences

    def wanted(self, page: Lesson, fence: Fence):
        include = fence.include
        if include and include.is_code and include.section:
            yield WantOutput(include.target, include.section, Where(page.name, include.line))

    def problems(self, check: Check, page: Lesson, fence: Fence):
        if not fence.includes:
            yield from _typed_block(page, fence)
            return
        include = fence.include
        if include is None:
            yield at(page, fence.line, "a block that includes a snippet must hold exactly one '--8<--' line")
        elif not include.is_code:
            if fence.line not in {output.line for output, _ in page.output_blocks.values()}:
                message = "only snippet sections, and right under them their recorded output, can be included"
                yield at(page, include.line, message)
        else:
            yield from _code(check, page, fence, include)

    def fill(self, page: Lesson, fence: Fence, out) -> None:
        include = fence.include
        if include is None:
            return
        if include.is_code:
            page.section(include).compile()  # a missing section or a syntax error, shown where the code was
        elif not page.project.snippet(include.target).is_file():
            message = f'the recorded output "snippets/{include.target}" does not exist; run `{RECORD}` to record it'
            raise LessonError(page.name, include.line, message)
        else:  # one that is not UTF-8 is shown as its error, not left to the include to fail on
            recordings.read_output(page.project.snippet(include.target), page.project)

    def cells(self, page: Lesson, fence: Fence, notebook):
        include = fence.include
        if include is None:  # a block of its own, such as a formula or a shell command: part of the prose
            for line in page.parsed.lines[fence.line - 1 : fence.end_line]:
                notebook.prose.add_line(line[min(fence.depth, len(line) - len(line.lstrip())) :])
            return []
        if not include.is_code:
            return []  # a recorded-output block, which running the cell above reproduces
        code = page.section(include).code.rstrip("\n")
        return [notebook.code_cell(code, include, fence)]


def _typed_block(page: Lesson, fence: Fence):
    previous = next((other for other in reversed(page.fences) if other.end_line <= fence.line), None)
    if (previous is not None and fence.follows_fence and previous.lang in PYTHON) or fence.title == "Output":
        yield at(
            page,
            fence.line,
            "a hand-typed output block: the output under code must be its recording. Move the code into "
            f"snippets/, include its section, and include the recording under it:\n{OUTPUT_FENCE}",
        )
    elif fence.lang in PYTHON and "notest" in fence.options:
        yield at(page, fence.line, "this Python block is marked notest, so no test runs it: move it into snippets/")
    elif fence.lang in PYTHON and fence.indent:
        yield at(
            page,
            fence.line,
            "pytest-markdown-docs cannot see an indented Python block (inside an admonition or a tab): "
            "move the code into snippets/ and include it",
        )


def _code(check: Check, page: Lesson, fence: Fence, include: Include):
    where = f"{include.target}:{include.section}"
    if fence.lang != "python" or "notest" not in fence.options:
        message = (
            f"open this block with ```{{.python notest}}: it shows {where}, which the engine runs, "
            "and pytest-markdown-docs must not run the include line itself"
        )
        yield at(page, fence.line, message)
        return
    if include.section is None:
        yield at(page, include.line, f"include one section, '{include.target}:NAME', not the whole file")
        return
    try:
        section = page.section(include)
        printed = check.code.output(include.target, include.section)
    except LessonError as error:
        yield error.problem
        return
    if any(syntax.closes_fence(line) for line in section.code.splitlines()):
        message = f"{where} has a line that would end the block showing it (a fence of ``` or ~~~): rewrite that line"
        yield at(page, include.line, message)
    yield from _output_block(page, include, printed, page.output_blocks.get(fence.line))


def _output_block(page: Lesson, include: Include, printed: str | None, shown) -> list[Problem]:
    """The block under the code shows the recording of this section, if and only if it prints."""
    where = f"{include.target}:{include.section}"
    recording = page.recording(include)
    wanted = recording.relative_to(page.project.snippets_dir).as_posix()
    if printed is None:  # the snippet failed: its own error says where
        return []
    if not printed:
        return (
            [at(page, include.line, f"{where} prints nothing, yet an output block follows it; remove that block")]
            if shown
            else []
        )
    if shown is None:
        block = f'{OUTPUT_FENCE}\n--8<-- "{wanted}"\n```'
        return [
            at(
                page,
                include.line,
                f"{where} prints output that the page does not show; add right after this block:\n{block}",
            )
        ]
    if shown[1].target != wanted:
        return [
            at(page, include.line, f'the output block under {where} must include "{wanted}", not "{shown[1].target}"')
        ]
    closing = [line for line in printed.splitlines() if syntax.closes_fence(line)]
    if closing:
        message = (
            f"{where} prints {closing[0].strip()!r}, a line that would end the block that shows its output "
            "(and whatever follows would be read as the page's own text): print something else"
        )
        return [at(page, include.line, message)]
    return []


CONSTRUCT = CodeBlock()
