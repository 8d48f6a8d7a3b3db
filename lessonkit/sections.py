"""Read the named sections of a snippet file.

Sections use pymdownx.snippets markers, so a page includes exactly the lines the engine runs:

    # --8<-- [start:forward]
    y = x * x
    # --8<-- [end:forward]

Every line of code belongs to one section: nothing runs that a page could not show.

A section runs under a time limit (TIME_LIMIT, below). One that must take longer
says so, with the reason, on the comment line right above its start marker:

    # lessonkit: time limit 60 s, because it trains for 5,000 steps
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import CodeType

from lessonkit.errors import LessonError

_MARKER = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(?P<kind>start|end):(?P<name>[^\]]*)\]\s*$")
# A section that runs longer is stopped at the line it was executing (lessonkit.isolation).
TIME_LIMIT = 20.0
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_LIMIT = re.compile(r"^\s*#\s*lessonkit:\s*time limit\b(?P<rest>.*)$")
_LIMIT_FORM = re.compile(r"^\s+(?P<seconds>\d+(?:\.\d+)?)\s*s\s*,\s*because\s+\S")


@dataclass(frozen=True)
class Section:
    name: str
    first_line: int  # 1-based line number of the section's first code line
    code: str
    path: Path
    display: str  # the file as errors name it: snippets/chain_rule/q1.py
    time_limit: float = TIME_LIMIT  # seconds

    def compile(self) -> CodeType:
        """The section as code, with the file's own line numbers; a syntax error names file:line:col."""
        try:
            # Padding keeps the file's own line numbers, so tracebacks and coverage point at the snippet.
            return compile("\n" * (self.first_line - 1) + self.code, str(self.path), "exec")
        except SyntaxError as error:
            raise LessonError(self.display, error.lineno or self.first_line, error.msg, error.offset) from None


def read_sections(path: Path, display: str) -> list[Section]:
    """The sections of `path` in file order; `display` names the file in errors."""
    return list(_read(path, display, path.read_text(encoding="utf-8")))


def find_section(snippets_dir: Path, target: str, name: str | None) -> Section:
    """The section a page includes as "target:name"; LookupError says what is there instead."""
    path = snippets_dir / target
    if not path.is_file():
        raise LookupError(f'the included file "snippets/{target}" does not exist')
    sections = read_sections(path, f"snippets/{target}")
    for section in sections:
        if section.name == name:
            return section
    names = ", ".join(section.name for section in sections)
    raise LookupError(f"snippets/{target} has no section '{name}' (it has: {names})")


@functools.lru_cache(maxsize=256)  # bounded: `mkdocs serve` reads files again after every edit
def _read(path: Path, display: str, source: str) -> tuple[Section, ...]:
    # `source` is part of the cache key: a file is split once for each content it has.
    sections: list[Section] = []
    open_name, open_line, body = None, 0, []
    limit, limit_line = TIME_LIMIT, None  # a time limit for the next section, and the line that set it
    for number, line in enumerate(source.splitlines(), 1):
        marker = _MARKER.match(line)
        if marker is None and open_name is None and (asked := _LIMIT.match(line)):
            limit, limit_line = _time_limit(asked, display, number), number
            continue
        if marker is None:
            if open_name is not None:
                body.append(line)
            elif line.strip() and not line.lstrip().startswith("#"):
                raise LessonError(
                    display,
                    number,
                    "code outside a section: every line of a snippet must sit "
                    "between '# --8<-- [start:NAME]' and '# --8<-- [end:NAME]' so a page can show it",
                )
            continue
        kind, name = marker["kind"], marker["name"]
        if kind == "start":
            if open_name is not None:
                raise LessonError(display, number, f"section '{name}' starts before section '{open_name}' ends")
            if not _NAME.match(name):
                raise LessonError(display, number, f"section name '{name}' must be lower_snake_case")
            if any(section.name == name for section in sections):
                raise LessonError(display, number, f"section '{name}' is defined twice")
            if limit_line is not None and limit_line != number - 1:
                raise LessonError(display, limit_line, "a time limit must sit on the line right above a [start:NAME]")
            open_name, open_line, body = name, number, []
        else:
            if name != open_name:
                expected = f"'[end:{open_name}]'" if open_name else "a '[start:...]' marker first"
                raise LessonError(display, number, f"'[end:{name}]' does not close anything; expected {expected}")
            if not "".join(body).strip():
                raise LessonError(display, open_line, f"section '{name}' is empty")
            sections.append(Section(name, open_line + 1, "\n".join(body) + "\n", path, display, limit))
            open_name, limit, limit_line = None, TIME_LIMIT, None
    if open_name is not None:
        raise LessonError(
            display, open_line, f"section '{open_name}' is never closed with '# --8<-- [end:{open_name}]'"
        )
    if not sections:
        raise LessonError(display, 1, "no sections: mark the code with '# --8<-- [start:NAME]' / '# --8<-- [end:NAME]'")
    return tuple(sections)


def _time_limit(asked: re.Match, display: str, line: int) -> float:
    form = _LIMIT_FORM.match(asked["rest"])
    if form is None:
        message = "write a time limit as '# lessonkit: time limit 60 s, because <the reason it needs longer>'"
        raise LessonError(display, line, message)
    return float(form["seconds"])
