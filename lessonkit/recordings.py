"""Recordings: what the code produced, on disk. The one module that reads and writes them.

    snippets/<lesson>/outputs/<module>/<section>.txt   what a section printed
    snippets/<lesson>/outputs/<module>/values.json     the values pages quote, as they show them
    snippets/<lesson>/outputs/recorded-from.json       a digest of each snippet's code when it was recorded
    snippets/figures/outputs/<lesson>/<figure>.json    what a figure shows: its data, labels and alt text
    docs/figures/<lesson>/<figure>-<palette>.svg       the figure drawn from that file, stamped with its hash

Pages show recordings, and the build reads only recordings; the checks compare them with
what the code produces now, and `pytest --update-outputs` rewrites them (lessonkit.verify).
A recording that cannot be read (not JSON, or JSON of another shape) is a LessonError at
its file and line with the command that rebuilds it. Every write replaces the file whole.
"""

import functools
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from lessonkit.errors import RECORD, LessonError
from lessonkit.project import FIGURES, Project

VALUES = "values.json"
STAMPS = "recorded-from.json"
_STAMP = re.compile(
    r"<!-- lessonkit: drawn from (?P<source>\S+) stamp (?P<stamp>[0-9a-f]+) body (?P<body>[0-9a-f]+) -->\n"
)
# Graphviz and matplotlib both give an SVG's size in points; browsers lay an image out in CSS pixels.
_SIZE = re.compile(r'<svg[^>]*?\swidth="(?P<width>[\d.]+)pt"[^>]*?\sheight="(?P<height>[\d.]+)pt"')
_PX_PER_PT = 4 / 3
# A JSON list holding only numbers, null and booleans, laid out one item a line by json.dumps.
_NUMBER_LIST = re.compile(r"\[\s*((?:[-+.\deEnulltrufas]+,?\s*)+)\]")


def output_path(project: Project, snippet: str, section: str) -> Path:
    """`chain_rule/q1.py`, `forward` -> snippets/chain_rule/outputs/q1/forward.txt."""
    return _folder(project, snippet) / f"{section}.txt"


def values_path(project: Project, snippet: str) -> Path:
    return _folder(project, snippet) / VALUES


def stamps_path(project: Project, lesson: str) -> Path:
    """snippets/<lesson>/outputs/recorded-from.json: which code each of the lesson's recordings came from."""
    return project.snippets_dir / lesson / "outputs" / STAMPS


def figure_path(project: Project, figure: str) -> Path:
    """`chain_rule/warm_up_graph` -> snippets/figures/outputs/chain_rule/warm_up_graph.json."""
    lesson, name = figure.split("/")
    return project.snippets_dir / FIGURES / "outputs" / lesson / f"{name}.json"


def svg_path(project: Project, figure: str, palette: str) -> Path:
    """`chain_rule/warm_up_graph`, `dark` -> docs/figures/chain_rule/warm_up_graph-dark.svg."""
    lesson, name = figure.split("/")
    return project.docs_dir / "figures" / lesson / f"{name}-{palette}.svg"


def figure_of(recording: Path | str) -> str:
    """The figure a content file or drawing records: the inverse of `figure_path` and `svg_path`."""
    recording = Path(recording)
    name = recording.stem.rsplit("-", 1)[0] if recording.suffix == ".svg" else recording.stem  # drop the palette
    return f"{recording.parent.name}/{name}"


def lesson_recordings(project: Project, lesson: str) -> list[Path]:
    """Every recording of one lesson: its snippets' outputs and values, its figures' content and drawings."""
    return sorted(
        [
            *(project.snippets_dir / lesson / "outputs").glob("*/*"),
            *(project.snippets_dir / lesson / "outputs").glob(STAMPS),
            *(project.snippets_dir / FIGURES / "outputs" / lesson).glob("*.json"),
            *(project.docs_dir / "figures" / lesson).glob("*.svg"),
        ]
    )


def owner(project: Project, recording: Path) -> str:
    """The snippet a recorded output or values file belongs to: the inverse of `output_path`."""
    folder = recording.parent
    lesson = folder.parent.parent.relative_to(project.snippets_dir)
    return (lesson / f"{folder.name}.py").as_posix()


def digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def read_output(path: Path, project: Project | None = None) -> str | None:
    """A recorded output (or any recording as text); None if there is none. `project` names the file in errors."""
    return _text(path, project) if path.is_file() else None


def read_values(project: Project, snippet: str) -> dict[str, str]:
    """The values recorded for a snippet's placeholders; {} when none are recorded yet."""
    path = values_path(project, snippet)
    return _checked(project, path, _json(project, path), "an object of names and texts", _is_values) or {}


def read_stamps(project: Project, lesson: str) -> dict[str, str]:
    path = stamps_path(project, lesson)
    return _checked(project, path, _json(project, path), "an object of snippets and digests", _is_values) or {}


def read_figure(project: Project, figure: str) -> dict[str, Any] | None:
    path = figure_path(project, figure)
    content = _json(project, path)
    return _checked(project, path, content, 'an object with an "alt" text', _is_figure)


def read_svg(path: Path, project: Project | None = None) -> str | None:
    return _text(path, project) if path.is_file() else None


def values_text(values: dict[str, str]) -> str:
    return json.dumps(dict(sorted(values.items())), indent=2, ensure_ascii=False) + "\n"


def figure_text(content: dict[str, Any]) -> str:
    """Indented JSON, with each list of plain numbers on one line: a grid of a thousand values stays readable."""
    text = json.dumps(content, indent=1, ensure_ascii=False, allow_nan=False)
    return _NUMBER_LIST.sub(lambda match: "[" + ", ".join(match[1].split()).replace(",,", ",") + "]", text) + "\n"


def stamp_svg(svg: str, source: str, stamp: str) -> str:
    """Write which recording an SVG was drawn from, that recording's stamp and a digest of the drawing itself.

    The stamp proves the picture was drawn from the recorded content by the current code; the digest
    of the rest of the file proves nobody edited the picture since (a label or number changed by hand).
    """
    declaration, newline, rest = svg.partition("\n") if svg.startswith("<?xml") else ("", "", svg)
    comment = f"<!-- lessonkit: drawn from {source} stamp {stamp} body {digest(declaration + rest)} -->"
    return f"{declaration}{newline}{comment}\n{rest}"


def svg_stamp(svg: str) -> str | None:
    match = _STAMP.search(svg[:500])
    return match["stamp"] if match else None


def svg_intact(svg: str) -> bool:
    """Whether a stamped SVG is byte for byte what was drawn: no label or number edited by hand."""
    match = _STAMP.search(svg[:500])
    return match is not None and match["body"] == digest(svg[: match.start()].rstrip("\n") + svg[match.end() :])


def svg_size(project: Project, path: Path, svg: str) -> tuple[int, int]:
    """An SVG's width and height in CSS pixels, as a page lays it out; LessonError if it gives none in points."""
    size = _SIZE.search(svg)
    if size is None:
        message = f'this drawing gives no width="…pt" height="…pt" on its <svg>; `{RECORD}` draws it again'
        raise LessonError(project.display(path), 1, message)
    return tuple(round(float(size[side]) * _PX_PER_PT) for side in ("width", "height"))


def write(path: Path, text: str) -> None:
    """Replace a recording whole: a run that stops half-way leaves the old file, never half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _folder(project: Project, snippet: str) -> Path:
    path = Path(snippet)
    return project.snippets_dir / path.parent / "outputs" / path.stem


def _text(path: Path, project: Project | None) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        data = path.read_bytes()
        before = data[: error.start]
        line, column = before.count(b"\n") + 1, len(before) - before.rfind(b"\n")
        raise LessonError(
            project.display(path) if project else path.as_posix(),
            line,
            f"byte 0x{data[error.start]:02X} is not UTF-8, so this recording cannot be read; `{RECORD}` rebuilds it",
            column,
        ) from None


def _json(project: Project, path: Path) -> Any:
    if not path.is_file():
        return None
    stat = path.stat()
    return _parse_json(project, path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)  # bounded: `mkdocs serve` reads recordings again after every edit
def _parse_json(project: Project, path: Path, mtime_ns: int, size: int) -> Any:
    # The file's time and size are part of the key: a recording is read once until it changes.
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line, column = (error.lineno, error.colno) if isinstance(error, json.JSONDecodeError) else (1, None)
        raise LessonError(
            project.display(path), line, f"this recording is not valid JSON ({error}); `{RECORD}` rebuilds it", column
        ) from None


def _checked(project: Project, path: Path, content: Any, shape: str, fits) -> Any:
    if content is not None and not fits(content):
        message = f"this recording is valid JSON but not {shape}; `{RECORD}` rebuilds it"
        raise LessonError(project.display(path), 1, message)
    return content


def _is_values(content: Any) -> bool:
    return isinstance(content, dict) and all(isinstance(v, str) for v in content.values())


def _is_figure(content: Any) -> bool:
    return isinstance(content, dict) and isinstance(content.get("alt"), str)
