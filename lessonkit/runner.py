"""Run a snippet section by section, as a notebook runs its cells, recording what each printed."""

import contextlib
import functools
import io
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessonkit.problems import SnippetError
from lessonkit.project import Project
from lessonkit.sections import Section, read_sections


@dataclass(frozen=True)
class SnippetRun:
    path: Path
    sections: list[Section]
    outputs: dict[str, str]  # section name -> everything it printed
    namespace: dict[str, Any] = field(repr=False)

    def __getitem__(self, name: str) -> Any:
        """A variable the snippet left behind, for tests: `run["dzda"]`."""
        return self.namespace[name]


def run_snippet(target: str | Path, project: Project | None = None) -> SnippetRun:
    """Run `snippets/<target>` (for example "chain_rule/q1.py") once per process and content."""
    project = project or Project.here()
    path = project.snippet(str(target)).resolve()
    display = project.display(path)
    if not path.is_file():
        raise SnippetError(display, 1, "no such snippet file")
    return _run(path, path.read_text(encoding="utf-8"), display)


@functools.cache
def _run(path: Path, source: str, display: str) -> SnippetRun:
    # `source` is part of the cache key, so an edited file (or a test's altered copy) runs afresh.
    sections = read_sections(path, display)
    module = types.ModuleType(display.removesuffix(".py").replace("/", "."))
    module.__file__ = str(path)
    outputs = {}
    for section in sections:
        # Padding keeps the file's own line numbers, so tracebacks and coverage point at the snippet.
        code = compile("\n" * (section.first_line - 1) + section.code, str(path), "exec")
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(code, module.__dict__)
        except Exception as error:
            raise SnippetError(
                display, section.first_line, f"section '{section.name}' raised {type(error).__name__}: {error}"
            ) from error
        outputs[section.name] = printed.getvalue()
    return SnippetRun(path, sections, outputs, module.__dict__)
