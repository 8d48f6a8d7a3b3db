"""Record every lesson's figures as SVG, and check the recordings and the pages that show them."""

import functools
import importlib.util
import os
import re
import traceback
from pathlib import Path

from lessonkit.checks import UPDATE_COMMAND, write_recordings
from lessonkit.figures.figure import PALETTES, Figure, Palette
from lessonkit.problems import Problem
from lessonkit.project import Project

# Graphviz and matplotlib both give the size in points; browsers lay an image out in CSS pixels.
_SIZE = re.compile(r'<svg[^>]*?\swidth="(?P<width>[\d.]+)pt"[^>]*?\sheight="(?P<height>[\d.]+)pt"')
_PX_PER_PT = 4 / 3


def lesson_figures(project: Project) -> dict[str, tuple[Figure, ...]]:
    """Each lesson's figures, by lesson name; each module runs once per process and content."""
    return {
        module.stem: _load(module, module.read_text(encoding="utf-8"), project.root)
        for module in project.figure_modules()
    }


@functools.cache
def svg(figure: Figure, palette: Palette) -> str:
    """The figure drawn in one palette, once per process."""
    return figure.draw(palette)


def figure_markdown(project: Project, lesson: str, figure: Figure) -> str:
    """How a page shows a figure: both palettes' files, each hidden in the other palette by Material.

    Inside an admonition or a tab, where Markdown ignores indented HTML, use the two image lines alone.
    """
    lines = "\n".join(_image_line(project, lesson, figure, palette) for palette in PALETTES)
    # Not indented: md_in_html would put a <br> between indented images and a <figcaption> after them.
    return f'<figure markdown="span">\n{lines}\n</figure>'


def record_figures(project: Project) -> list[Path]:
    """Draw every figure in both palettes; write what changed, delete what no figure draws; return those files."""
    wanted = {
        project.figure_recording(lesson, figure.name, palette.name): svg(figure, palette)
        for lesson, figures in lesson_figures(project).items()
        for figure in figures
        for palette in PALETTES
    }
    return write_recordings(wanted, project.figure_recordings())


def check_recordings(project: Project) -> list[Problem]:
    """Every figure is recorded as it is drawn now, and every recording still has its figure."""
    problems: list[Problem] = []
    accounted: set[Path] = set()
    for module in project.figure_modules():
        figures, failure = _drawn(project, module)
        if failure:
            problems.append(failure)
            accounted.update(path for path in project.figure_recordings() if path.parent.name == module.stem)
            continue
        for figure in figures:
            for palette in PALETTES:
                recording = project.figure_recording(module.stem, figure.name, palette.name)
                accounted.add(recording)
                problems += _check_recording(project, module, recording, svg(figure, palette))
    for stale in sorted(set(project.figure_recordings()) - accounted):
        problems.append(
            Problem(
                project.display(stale),
                1,
                f"no figure in snippets/figures/ draws this picture; run `{UPDATE_COMMAND}` to delete it",
            )
        )
    return problems


def check_pages(project: Project) -> list[Problem]:
    """Every figure is on its lesson's page, in both palettes, with the alt text and size it has now."""
    problems: list[Problem] = []
    for module in project.figure_modules():
        figures, failure = _drawn(project, module)
        page = project.docs_dir / f"{module.stem}.md"
        if failure:
            problems.append(failure)
        elif not page.is_file():
            problems.append(
                Problem(project.display(module), 1, f"draws figures for {project.display(page)}, which does not exist")
            )
        else:
            for figure in figures:
                problems += _check_shown(project, page, module.stem, figure)
    return problems


def _drawn(project: Project, module: Path) -> tuple[tuple[Figure, ...], Problem | None]:
    """A module's figures, each drawn in both palettes, or the problem that stopped them, at its line."""
    try:
        figures = _load(module, module.read_text(encoding="utf-8"), project.root)
        for figure in figures:
            for palette in PALETTES:
                svg(figure, palette)
    except Exception as error:
        return (), Problem(project.display(module), _line_of(error, module), f"drawing the figures raised {error!r}")
    return figures, None


@functools.cache
def _load(module: Path, source: str, root: Path) -> tuple[Figure, ...]:
    # `source` is part of the cache key, so an edited module runs afresh.
    spec = importlib.util.spec_from_file_location(f"snippets.figures.{module.stem}", module)
    code = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(code)
    return tuple(code.figures(Project(root)))


def _check_recording(project: Project, module: Path, recording: Path, drawn: str) -> list[Problem]:
    name, source = project.display(recording), project.display(module)
    if not recording.is_file():
        return [Problem(name, 1, f"not recorded yet: run `{UPDATE_COMMAND}` to draw it from {source}")]
    if recording.read_text(encoding="utf-8") != drawn:
        return [
            Problem(
                name,
                1,
                f"this picture is not what {source} draws now; if the new one is right, "
                f"run `{UPDATE_COMMAND}` and look at it",
            )
        ]
    return []


def _check_shown(project: Project, page: Path, lesson: str, figure: Figure) -> list[Problem]:
    lines = page.read_text(encoding="utf-8").splitlines()
    problems, found = [], {}
    for palette in PALETTES:
        wanted = _image_line(project, lesson, figure, palette)
        target = wanted[wanted.index("](") : wanted.index("#only-")]
        found[palette] = [number for number, line in enumerate(lines, 1) if target in line]
        problems += [
            Problem(project.display(page), number, f"this picture's alt text or size is out of date; write:\n{wanted}")
            for number in found[palette]
            if lines[number - 1].strip() != wanted
        ]
    shown = [number for numbers in found.values() for number in numbers]
    if not shown:
        recording = project.figure_recording(lesson, figure.name, PALETTES[0].name)
        markdown = figure_markdown(project, lesson, figure)
        return [
            Problem(
                project.display(recording),
                1,
                f"this picture is on no page: show it in {project.display(page)} where it belongs with\n{markdown}",
            )
        ]
    for palette in (palette for palette, numbers in found.items() if not numbers):
        line = _image_line(project, lesson, figure, palette)
        problems.append(
            Problem(
                project.display(page),
                shown[0],
                f"this picture has no {palette.name} variant on the page; add next to it:\n{line}",
            )
        )
    return problems


def _image_line(project: Project, lesson: str, figure: Figure, palette: Palette) -> str:
    recording = project.figure_recording(lesson, figure.name, palette.name)
    source = Path(os.path.relpath(recording, project.docs_dir)).as_posix()  # pages sit at the top of docs/
    size = _SIZE.search(svg(figure, palette))
    width, height = (round(float(size[side]) * _PX_PER_PT) for side in ("width", "height"))
    return f'![{figure.alt}]({source}#only-{palette.name}){{ width="{width}" height="{height}" loading="lazy" }}'


def _line_of(error: Exception, path: Path) -> int:
    """The line of `path` that the error passed through last, or 1."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename) == path]
    return lines[-1] if lines else 1
