"""Recordings: what the code produced, on disk. The one module that reads and writes them.

    snippets/<lesson>/outputs/<module>/<section>.txt   what a section printed
    snippets/<lesson>/outputs/<module>/values.json     the values pages quote, as they show them
    snippets/figures/outputs/<lesson>/<figure>.json    what a figure shows: its data, labels and alt text
    docs/figures/<lesson>/<figure>-<palette>.svg       the figure drawn from that file, stamped with its hash

Pages show recordings, and the build reads only recordings; the checks compare them with
what the code produces now, and `pytest --update-outputs` (lessonkit.record) rewrites them.
"""

import functools
import json
import re
from pathlib import Path
from typing import Any

from lessonkit.errors import RECORD, LessonError
from lessonkit.project import Project

VALUES = "values.json"
_STAMP = re.compile(r"<!-- lessonkit: drawn from (?P<source>\S+) stamp (?P<stamp>[0-9a-f]+) -->")
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


def figure_path(project: Project, figure: str) -> Path:
    """`chain_rule/warm_up_graph` -> snippets/figures/outputs/chain_rule/warm_up_graph.json."""
    lesson, name = figure.split("/")
    return project.snippets_dir / "figures" / "outputs" / lesson / f"{name}.json"


def svg_path(project: Project, figure: str, palette: str) -> Path:
    """`chain_rule/warm_up_graph`, `dark` -> docs/figures/chain_rule/warm_up_graph-dark.svg."""
    lesson, name = figure.split("/")
    return project.docs_dir / "figures" / lesson / f"{name}-{palette}.svg"


def figure_of(recording: Path | str) -> str:
    """The figure a content file or drawing records: the inverse of `figure_path` and `svg_path`."""
    recording = Path(recording)
    name = recording.stem.rsplit("-", 1)[0] if recording.suffix == ".svg" else recording.stem  # drop the palette
    return f"{recording.parent.name}/{name}"


def snippet_outputs(project: Project) -> list[Path]:
    """Every recorded output and values file of the lessons' snippets."""
    return sorted(
        path for path in project.snippets_dir.glob("*/outputs/*/*") if path.parent.parent.parent.name != "figures"
    )


def figure_files(project: Project) -> list[Path]:
    """Every recorded figure: content files and their drawings."""
    content = project.snippets_dir.glob("figures/outputs/*/*.json")
    return sorted([*content, *project.docs_dir.glob("figures/*/*.svg")])


def owner(project: Project, recording: Path) -> str:
    """The snippet a recorded output or values file belongs to: the inverse of `output_path`."""
    folder = recording.parent
    lesson = folder.parent.parent.relative_to(project.snippets_dir)
    return (lesson / f"{folder.name}.py").as_posix()


def read_output(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def read_values(project: Project, snippet: str) -> dict[str, str]:
    """The values recorded for a snippet's placeholders; {} when none are recorded yet."""
    return _json(project, values_path(project, snippet)) or {}


def read_figure(project: Project, figure: str) -> dict[str, Any] | None:
    return _json(project, figure_path(project, figure))


def read_svg(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def values_text(values: dict[str, str]) -> str:
    return json.dumps(dict(sorted(values.items())), indent=2, ensure_ascii=False) + "\n"


def figure_text(content: dict[str, Any]) -> str:
    """Indented JSON, with each list of plain numbers on one line: a grid of a thousand values stays readable."""
    text = json.dumps(content, indent=1, ensure_ascii=False, allow_nan=False)
    return _NUMBER_LIST.sub(lambda match: "[" + ", ".join(match[1].split()).replace(",,", ",") + "]", text) + "\n"


def stamp_svg(svg: str, source: str, stamp: str) -> str:
    """Write which recording an SVG was drawn from, and that recording's stamp, after its XML declaration."""
    comment = f"<!-- lessonkit: drawn from {source} stamp {stamp} -->"
    declaration, newline, rest = svg.partition("\n") if svg.startswith("<?xml") else ("", "", svg)
    return f"{declaration}{newline}{comment}\n{rest}"


def svg_stamp(svg: str) -> str | None:
    match = _STAMP.search(svg[:500])
    return match["stamp"] if match else None


def svg_size(svg: str) -> tuple[int, int] | None:
    """An SVG's width and height in CSS pixels, as a page lays it out."""
    size = _SIZE.search(svg)
    return None if size is None else tuple(round(float(size[side]) * _PX_PER_PT) for side in ("width", "height"))


def write(wanted: dict[Path, str], existing: list[Path]) -> list[Path]:
    """Make the recordings on disk exactly `wanted` among `existing`: write what differs, delete the rest."""
    changed = []
    for stale in sorted(set(existing) - set(wanted)):
        stale.unlink()
        changed.append(stale)
    for path, text in wanted.items():
        if read_output(path) != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return sorted(changed)


def _folder(project: Project, snippet: str) -> Path:
    path = Path(snippet)
    return project.snippets_dir / path.parent / "outputs" / path.stem


def _json(project: Project, path: Path) -> Any:
    if not path.is_file():
        return None
    stat = path.stat()
    return _parse_json(project, path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parse_json(project: Project, path: Path, mtime_ns: int, size: int) -> Any:
    # The file's time and size are part of the key: a recording is read once until it changes.
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line, column = (error.lineno, error.colno) if isinstance(error, json.JSONDecodeError) else (1, None)
        raise LessonError(
            project.display(path), line, f"this recording is not valid JSON ({error}); `{RECORD}` rebuilds it", column
        ) from None
