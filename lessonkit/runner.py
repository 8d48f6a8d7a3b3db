"""Run a snippet section by section, as a notebook runs its cells, recording what each printed."""

import contextlib
import functools
import io
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessonkit.errors import LessonError
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
    return _run(path, path.read_text(encoding="utf-8"), display)


def run_sections(
    sections: list[Section], until: str | None = None, history: dict[str, set[float]] | None = None
) -> tuple[dict[str, str], dict[str, Any]]:
    """Run sections in order in one fresh namespace, up to and including `until`; return outputs and namespace.

    `history`, if given, collects every number each name held at the end of a section.
    """
    first = sections[0]
    namespace: dict[str, Any] = {
        "__name__": first.display.removesuffix(".py").replace("/", "."),
        "__file__": str(first.path),
    }
    outputs = {}
    for section in sections:
        code = section.compile()
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(code, namespace)
        except Exception as error:
            line = _raising_line(error, section)
            message = f"section '{section.name}' raised {type(error).__name__}: {error}"
            raise LessonError(section.display, line, message) from error
        outputs[section.name] = printed.getvalue()
        if history is not None:
            for name, value in namespace.items():
                if (number := scalar(value)) is not None:
                    history.setdefault(name, set()).add(number)
        if section.name == until:
            break
    return outputs, namespace


@functools.cache
def _run(path: Path, source: str, display: str) -> SnippetRun:
    # `source` is part of the cache key, so an edited file (or a test's altered copy) runs afresh.
    sections = read_sections(path, display)
    history: dict[str, set[float]] = {}
    outputs, namespace = run_sections(sections, history=history)
    return SnippetRun(path, sections, outputs, namespace, history)


def _raising_line(error: Exception, section: Section) -> int:
    """The last line of the snippet file that the error passed through: where it was raised, or called from."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [frame.lineno for frame in frames if Path(frame.filename) == section.path and frame.lineno]
    return lines[-1] if lines else section.first_line
