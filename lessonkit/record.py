"""`pytest --update-outputs`: make the recordings of some lessons (or all) what their code produces now.

For each lesson it runs the snippets and writes what each section printed and the values
pages quote; it computes the figures, writes the content of those that show something
else now, and re-draws the SVGs whose stamp no longer matches (only those: drawing a graph
needs Graphviz). A recording that still agrees with the code stays as it is, byte for byte,
so re-recording a clean checkout changes nothing on any machine.

What cannot be recorded (a snippet that fails, a value that cannot be computed, a graph
without Graphviz) is returned as problems, and everything else is recorded anyway.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lessonkit import recordings
from lessonkit.errors import LessonError, Problem
from lessonkit.figures.figure import PALETTES, Figure, same
from lessonkit.figures.modules import lesson_figures
from lessonkit.lesson import load_all
from lessonkit.project import Project
from lessonkit.runner import run_snippet
from lessonkit.values import compute


@dataclass
class Recorded:
    changed: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def record(project: Project, lessons: Iterable[str] | None = None) -> Recorded:
    """Re-record the lessons named (snippets/<lesson>/ and snippets/figures/<lesson>.py), or every lesson."""
    chosen = set(lessons) if lessons is not None else None
    done = Recorded()
    _record_snippets(project, chosen, done)
    for lesson in sorted(_figure_lessons(project, chosen)):
        _record_figures(project, lesson, done)
    done.changed.sort()
    return done


def _record_snippets(project: Project, chosen: set[str] | None, done: Recorded):
    quoted: dict[str, dict[str, tuple[str, int]]] = {}
    for page in load_all(project):
        for snippet, keys in page.quoted_values.items():
            for key, line in keys.items():
                quoted.setdefault(snippet, {}).setdefault(key, (page.name, line))
    wanted: dict[Path, str] = {}
    kept: set[Path] = set()  # the folders of snippets that fail: their old recordings stay
    for path in project.snippet_files():
        target = path.relative_to(project.snippets_dir).as_posix()
        if chosen is not None and path.parent.name not in chosen:
            continue
        try:
            run = run_snippet(target, project)
        except LessonError as error:
            done.problems.append(error.problem)
            kept.add(recordings.values_path(project, target).parent)
            continue
        for section, printed in run.outputs.items():
            if printed:
                wanted[recordings.output_path(project, target, section)] = printed
        values = {}
        for key, (page, line) in sorted(quoted.get(target, {}).items()):
            try:
                values[key] = compute(run.namespace, key)
            except Exception as error:  # a name the snippet does not define, a bad format spec, ...
                done.problems.append(Problem(page, line, f"{{{{ {target}:{key} }}}} cannot be computed: {error!r}"))
        if values:
            wanted[recordings.values_path(project, target)] = recordings.values_text(values)
    existing = [
        path
        for path in recordings.snippet_outputs(project)
        if path.parent not in kept and (chosen is None or path.parent.parent.parent.name in chosen)
    ]
    done.changed += recordings.write(wanted, existing)


def _figure_lessons(project: Project, chosen: set[str] | None) -> set[str]:
    """Lessons with a figure module, or with figures recorded (which then go)."""
    recorded = {path.parent.name for path in recordings.figure_files(project)}
    defined = {module.stem for module in project.figure_modules()}
    return {lesson for lesson in defined | recorded if chosen is None or lesson in chosen}


def _record_figures(project: Project, lesson: str, done: Recorded):
    existing = [path for path in recordings.figure_files(project) if path.parent.name == lesson]
    try:
        figures = lesson_figures(project, lesson)
    except LessonError as error:
        done.problems.append(error.problem)
        return
    wanted: dict[Path, str] = {}
    for figure in figures:
        name = f"{lesson}/{figure.name}"
        recorded = recordings.read_figure(project, name)
        text = recordings.figure_text(figure.recording)
        if recorded is not None and same(recorded, figure.recording):
            text = recordings.figure_path(project, name).read_text(encoding="utf-8")  # agrees: keep it as it is
        wanted[recordings.figure_path(project, name)] = text
        for palette in PALETTES:
            svg = recordings.svg_path(project, name, palette.name)
            wanted[svg] = _drawing(project, figure, name, text, palette, svg, done)
    done.changed += recordings.write({path: text for path, text in wanted.items() if text is not None}, existing)


def _drawing(project: Project, figure: Figure, name: str, text: str, palette, svg: Path, done: Recorded) -> str | None:
    """The SVG as it is if its stamp still matches, else drawn afresh from the recorded content `text`."""
    stamp = figure.stamp(text, palette)
    current = recordings.read_svg(svg)
    if current is not None and recordings.svg_stamp(current) == stamp:
        return current
    try:
        drawn = figure.draw(json.loads(text), palette)
    except Exception as error:
        done.problems.append(Problem(project.display(svg), 1, f"cannot draw {name}: {error}"))
        return current  # leave the old picture; the checks go on reporting it as out of date
    source = project.display(recordings.figure_path(project, name))
    return recordings.stamp_svg(drawn, source, stamp)
