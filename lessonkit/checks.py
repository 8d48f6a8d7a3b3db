"""The checks that keep pages, code and recordings in agreement, and the re-recorder.

Every check returns a list of `Problem`s rather than stopping at the first, so an
author sees everything that is wrong in one run.
"""

import difflib
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

from lessonkit.pages import Fence, Include, Placeholder, read_page
from lessonkit.problems import Problem, SnippetError
from lessonkit.project import Project
from lessonkit.runner import SnippetRun, run_snippet
from lessonkit.values import evaluate, render

UPDATE_COMMAND = "pytest --update-outputs"
OUTPUT_FENCE = '```{.text .no-copy title="Output"}'
_PYTHON = ("python", "py", "python3")

# Characters that render as nothing (or reorder text) yet change what code means.
INVISIBLE = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF}
BIDI_CONTROLS = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def check_page(project: Project, page_path: Path) -> list[Problem]:
    """Everything that can be wrong with one page: its fences, includes, outputs and quoted values."""
    name = project.display(page_path)
    page = read_page(page_path)
    found = [
        (line, f"'{text}' is not a value placeholder; write {{{{ lesson/snippet.py:name:format }}}}")
        for line, text in page.malformed
    ]
    fences = list(page.fences)
    for index, fence in enumerate(fences):
        after = fences[index + 1] if index + 1 < len(fences) else None
        before = fences[index - 1] if index else None
        found += _check_fence(project, fence, before, after)
    for placeholder in page.placeholders:
        found += _check_placeholder(project, placeholder)
    return [Problem(name, line, message) for line, message in found]


def _output_block(fence: Fence | None) -> Path | None:
    """The recording an output block includes: a fence holding one include of a .txt file."""
    if fence is None or len(fence.includes) != 1 or fence.includes[0].is_code:
        return None
    return Path(fence.includes[0].target)


def _is_code_block(fence: Fence | None) -> bool:
    return fence is not None and len(fence.includes) == 1 and fence.includes[0].is_code


def _check_fence(project: Project, fence: Fence, before: Fence | None, after: Fence | None) -> list[tuple[int, str]]:
    code_lines = [line for line in fence.body if line.strip()]
    if not fence.includes:
        if fence.lang not in _PYTHON:
            return []
        if "notest" in fence.options:
            return [
                (
                    fence.line,
                    "this Python block is marked notest, so no test runs it: "
                    "move the code into snippets/ and include it",
                )
            ]
        if fence.indent:
            return [
                (
                    fence.line,
                    "pytest-markdown-docs cannot see an indented Python block (inside an admonition "
                    "or a tab): move the code into snippets/ and include it",
                )
            ]
        return []
    if len(fence.includes) > 1 or len(code_lines) > 1:
        return [(fence.line, "a block that includes a snippet must hold exactly one '--8<--' line and nothing else")]
    include = fence.includes[0]
    if include.is_code:
        shown = _output_block(after) if after is not None and after.follows_fence else None
        return _check_code_include(project, fence, include, shown)
    if fence.follows_fence and _is_code_block(before):
        return []  # an output block: the code block above it checks it
    return [(include.line, "only snippet sections, and right under them their recorded output, can be included")]


def _check_code_include(project: Project, fence: Fence, include: Include, shown: Path | None) -> list[tuple[int, str]]:
    where = f"{include.target}:{include.section}"
    if fence.lang != "python" or "notest" not in fence.options:
        return [
            (
                fence.line,
                f"open this block with ```{{.python notest}}: it shows {where}, which the engine runs, "
                "and pytest-markdown-docs must not run the include line itself",
            )
        ]
    if include.section is None:
        return [(include.line, f"include one section, '{include.target}:NAME', not the whole file")]
    try:
        run = run_snippet(include.target, project)
    except SnippetError as error:
        return [(include.line, f"{where}: {error}")]
    if include.section not in run.outputs:
        return [
            (include.line, f"{include.target} has no section '{include.section}' (it has: {', '.join(run.outputs)})")
        ]
    return _check_output(project, include, run.outputs[include.section], shown)


def _check_output(project: Project, include: Include, printed: str, shown: Path | None) -> list[tuple[int, str]]:
    where = f"{include.target}:{include.section}"
    recording = project.output_recording(include.target, include.section)
    wanted = recording.relative_to(project.snippets_dir)
    if not printed:
        if shown is not None:
            return [(include.line, f"{where} prints nothing, yet an output block follows it; remove that block")]
        return []
    if shown is None:
        return [
            (
                include.line,
                f"{where} prints output that the page does not show; add right after this block:\n"
                f'{OUTPUT_FENCE}\n--8<-- "{wanted.as_posix()}"\n```',
            )
        ]
    if shown != wanted:
        return [
            (
                include.line,
                f'the output block under {where} must include "{wanted.as_posix()}", not "{shown.as_posix()}"',
            )
        ]
    if not recording.is_file():
        return [
            (
                include.line,
                f"{where} has no recorded output yet; run `{UPDATE_COMMAND}` to create {project.display(recording)}",
            )
        ]
    recorded = recording.read_text(encoding="utf-8")
    if recorded == printed:
        return []
    diff = "".join(
        difflib.unified_diff(recorded.splitlines(True), printed.splitlines(True), "shown on the page", "printed now")
    )
    return [
        (
            include.line,
            f"the output shown for {where} is not what the code prints now; if the new output is right, "
            f"run `{UPDATE_COMMAND}` and review the diff:\n{diff}",
        )
    ]


def _check_placeholder(project: Project, placeholder: Placeholder) -> list[tuple[int, str]]:
    try:
        actual = _compute(project, placeholder)
    except SnippetError as error:
        return [(placeholder.line, f"{placeholder.text}: {error}")]
    except Exception as error:  # a name the snippet does not define, a bad format spec, ...
        return [(placeholder.line, f"{placeholder.text} cannot be computed: {type(error).__name__}: {error}")]
    shown = read_values(project, placeholder.snippet).get(placeholder.key)
    if shown is None:
        return [(placeholder.line, f"{placeholder.text} has no recorded value; run `{UPDATE_COMMAND}`")]
    if shown != actual:
        return [
            (
                placeholder.line,
                f"the prose shows {placeholder.text} as {shown!r}, but the code now gives {actual!r}; "
                f"check that the sentence around it still holds, then run `{UPDATE_COMMAND}`",
            )
        ]
    return []


def _compute(project: Project, placeholder: Placeholder) -> str:
    namespace = run_snippet(placeholder.snippet, project).namespace
    return render(evaluate(namespace, placeholder.expr), placeholder.spec)


def read_values(project: Project, snippet: str) -> dict[str, str]:
    path = project.value_recording(snippet)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def check_snippets(project: Project) -> list[Problem]:
    """Project-wide: every section is shown on a page, and no recording outlives its code or its page."""
    problems: list[Problem] = []
    shown_sections, quoted = _what_pages_use(project)
    runs = {}
    for path in project.snippet_files():
        target = path.relative_to(project.snippets_dir).as_posix()
        try:
            runs[target] = run_snippet(target, project)
        except SnippetError as error:
            problems.append(error.problem)
            continue
        for section in runs[target].sections:
            if (target, section.name) not in shown_sections:
                problems.append(
                    Problem(
                        project.display(path),
                        section.first_line - 1,
                        f"section '{section.name}' is on no page: include it in a lesson or delete it",
                    )
                )
    for recording in project.recordings():
        target = project.recordings_target(recording)
        run = runs.get(target)
        if recording.name == "values.json":
            stale = set(read_values(project, target)) - quoted[target].keys()
            if stale:
                problems.append(
                    Problem(
                        project.display(recording),
                        1,
                        f"values no page quotes any more: {sorted(stale)}; run `{UPDATE_COMMAND}` to drop them",
                    )
                )
        elif run is None or not run.outputs.get(recording.stem):
            problems.append(
                Problem(
                    project.display(recording),
                    1,
                    f"recorded output of a section that no longer prints "
                    f"(or no longer exists); run `{UPDATE_COMMAND}` to drop it",
                )
            )
    return problems


def _what_pages_use(project: Project) -> tuple[set[tuple[str, str]], defaultdict[str, dict[str, tuple[str, int]]]]:
    """The sections pages include, and per snippet the values they quote with the first (page, line) quoting each."""
    sections: set[tuple[str, str]] = set()
    quoted: defaultdict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for page_path in project.pages():
        page = read_page(page_path)
        for fence in page.fences:
            sections.update((include.target, include.section) for include in fence.includes if include.is_code)
        for placeholder in page.placeholders:
            quoted[placeholder.snippet].setdefault(placeholder.key, (project.display(page_path), placeholder.line))
    return sections, quoted


def _value_to_record(run: SnippetRun, target: str, key: str, page: str, line: int) -> str:
    expr, _, spec = key.partition(":")
    try:
        return render(evaluate(run.namespace, expr), spec)
    except Exception as error:  # a name the snippet does not define, a bad format spec, ...
        message = f"{{{{ {target}:{key} }}}} cannot be computed: {type(error).__name__}: {error}"
        raise SnippetError(page, line, message) from error


def record(project: Project) -> list[Path]:
    """Re-record every section's output, every quoted value and every figure; return the files that changed."""
    _, quoted = _what_pages_use(project)
    wanted: dict[Path, str] = {}
    for path in project.snippet_files():
        target = path.relative_to(project.snippets_dir).as_posix()
        run = run_snippet(target, project)
        for section, printed in run.outputs.items():
            if printed:
                wanted[project.output_recording(target, section)] = printed
        if quoted[target]:
            values = {key: _value_to_record(run, target, key, *where) for key, where in sorted(quoted[target].items())}
            wanted[project.value_recording(target)] = json.dumps(values, indent=2, ensure_ascii=False) + "\n"
    changed = write_recordings(wanted, project.recordings())
    # Imported here, not at the top: lessonkit.figures.recording imports UPDATE_COMMAND from this module.
    from lessonkit.figures.recording import record_figures

    return sorted(changed + record_figures(project))


def write_recordings(wanted: dict[Path, str], existing: list[Path]) -> list[Path]:
    """Make the recordings on disk exactly `wanted`: write what differs, delete the rest; return what changed."""
    changed = []
    for stale in set(existing) - set(wanted):
        stale.unlink()
        changed.append(stale)
    for path, text in wanted.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return sorted(changed)


def check_hidden_characters(project: Project, paths: list[Path]) -> list[Problem]:
    """Invisible and bidirectional-control characters, reported as file:line:col."""
    problems = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue  # images and other binary files cannot hide text
        for number, line in enumerate(lines, 1):
            for column, char in enumerate(line, 1):
                if ord(char) in INVISIBLE or ord(char) in BIDI_CONTROLS:
                    name = unicodedata.name(char, "UNNAMED")
                    problems.append(
                        Problem(
                            project.display(path),
                            number,
                            f"invisible character U+{ord(char):04X} {name}; delete it "
                            "(it shows as nothing but changes what the code or text means)",
                            column,
                        )
                    )
    return problems
