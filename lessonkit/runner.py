"""Run a snippet section by section, as a notebook runs its cells, recording what each printed.

Each run is alone (lessonkit.isolation): a fresh global state, no network, a time limit per
section and a limit on what it prints. Whatever stops a section becomes a LessonError at
the snippet's line at fault, with the fix.
"""

import contextlib
import functools
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest_socket

from lessonkit.errors import LessonError
from lessonkit.isolation import (
    MAX_CHARACTERS,
    MAX_LINES,
    Printed,
    SectionTimeout,
    TooMuchOutput,
    alone,
    time_limit,
)
from lessonkit.project import Project
from lessonkit.sections import Section, read_sections
from lessonkit.values import scalar


@dataclass(frozen=True)
class SnippetRun:
    path: Path
    sections: list[Section]
    outputs: dict[str, str]  # section name -> everything it printed
    namespace: dict[str, Any] = field(repr=False)
    # every number a name held between sections
    history: dict[str, set[float]] = field(repr=False, default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        """A variable the snippet left behind, for tests: `run["dz_da"]`."""
        return self.namespace[name]


def run_snippet(target: str | Path, project: Project | None = None) -> SnippetRun:
    """Run `snippets/<target>` (for example "chain_rule/q1.py") once per process and content.

    A snippet that cannot be read or run raises LessonError at the line at fault.
    """
    project = project or Project.here()
    path = project.snippet(str(target)).resolve()
    display = project.display(path)
    if not path.is_file():
        raise LessonError(display, 1, "no such snippet file")
    return _result(_run(path, path.read_text(encoding="utf-8"), display, project.root))


def run_again(target: str, project: Project) -> SnippetRun:
    """A second, uncached run of a snippet, in a fresh state: what a new kernel would print."""
    path = project.snippet(target).resolve()
    return _result(_run.__wrapped__(path, path.read_text(encoding="utf-8"), project.display(path), project.root))


def run_sections(
    sections: list[Section],
    until: str | None = None,
    history: dict[str, set[float]] | None = None,
    cwd: Path | None = None,
) -> tuple[dict[str, str], dict[str, Any]]:
    """Run sections in order in one fresh namespace, alone, up to and including `until`; return outputs and namespace.

    `history`, if given, collects every number each name held at the end of a section.
    """
    first = sections[0]
    namespace: dict[str, Any] = {
        "__name__": first.display.removesuffix(".py").replace("/", "."),
        "__file__": str(first.path),
    }
    outputs = {}
    with alone(cwd or first.path.parent):
        for section in sections:
            outputs[section.name] = _run_section(section, namespace)
            if history is not None:
                for name, value in namespace.items():
                    if (number := scalar(value)) is not None:
                        history.setdefault(name, set()).add(number)
            if section.name == until:
                break
    return outputs, namespace


def _run_section(section: Section, namespace: dict[str, Any]) -> str:
    code = section.compile()
    printed = Printed()
    try:
        with time_limit(section.time_limit), contextlib.redirect_stdout(printed):
            exec(code, namespace)
    except SectionTimeout as error:
        line, last = _raising_line(error, section), section.first_line + section.code.count("\n") - 1
        message = (
            f"section '{section.name}' (lines {section.first_line}-{last}) ran for more than "
            f"{section.time_limit:g} s and was stopped at line {line}; "
            "make it do less, or if it must take longer, put a line such as "
            f"'# lessonkit: time limit 60 s, because ...' right above its '[start:{section.name}]' marker"
        )
        raise LessonError(section.display, line, message) from None
    except TooMuchOutput as error:
        message = (
            f"section '{section.name}' printed more than {MAX_LINES} lines or {MAX_CHARACTERS} characters; "
            "a page shows a few lines: print a summary (every 100th step, say)"
        )
        raise LessonError(section.display, _raising_line(error, section), message) from None
    except SystemExit as error:
        message = (
            f"section '{section.name}' called exit ({error.code!r}): a lesson runs to its end, and a notebook's "
            "kernel would stop there; remove the call (raise an exception to show a failure)"
        )
        raise LessonError(section.display, _raising_line(error, section), message) from None
    except pytest_socket.SocketBlockedError as error:
        message = (
            f"section '{section.name}' tried to use the network, and lessons run offline "
            "(a reader may have none, and a page must show the same output every time): "
            "make the data in the code, or ship it with the lesson"
        )
        raise LessonError(section.display, _raising_line(error, section), message) from None
    except Exception as error:
        line = _raising_line(error, section)
        message = f"section '{section.name}' raised {type(error).__name__}: {error}"
        raise LessonError(section.display, line, message) from error
    return printed.getvalue()


@functools.lru_cache(maxsize=64)  # a test session runs each snippet once; `mkdocs serve` never runs them
def _run(path: Path, source: str, display: str, root: Path) -> SnippetRun | LessonError:
    # `source` is part of the cache key, so an edited file (or a test's altered copy) runs afresh.
    # A failure is kept as well: a section that runs until its time limit stops a pass once, not again
    # at every place that asks for the snippet's run (its outputs, values, page and figures).
    try:
        sections = read_sections(path, display)
        history: dict[str, set[float]] = {}
        outputs, namespace = run_sections(sections, history=history, cwd=root)
    except LessonError as error:
        return error
    return SnippetRun(path, sections, outputs, namespace, history)


def _result(run: SnippetRun | LessonError) -> SnippetRun:
    """A run, or its failure raised afresh: the same problem, caused by the same error."""
    if isinstance(run, LessonError):
        problem = run.problem
        raise LessonError(problem.file, problem.line, problem.message, problem.column) from run.__cause__
    return run


def _raising_line(error: BaseException, section: Section) -> int:
    """The last line of the snippet file that the error passed through: where it was raised, or called from."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [frame.lineno for frame in frames if Path(frame.filename) == section.path and frame.lineno]
    return lines[-1] if lines else section.first_line
