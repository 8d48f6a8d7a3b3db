"""One pass over a lesson, in one of two modes: check its recordings and page, or record them and check the page.

`pytest` checks and `pytest --update-outputs` records, and both run this same code: it runs
the lesson's snippets and figure modules once, works out from the site's constructs what the
recordings must hold (lessonkit.constructs: `wanted`), and then either compares them with
what is on disk or writes what differs. So the two modes cannot disagree on what a
recording should be. Then it checks the page itself (every construct's `problems`, the
number and character rules), which is the same in both modes.

Recording never loses data: a snippet that fails keeps all its recordings, a value that
cannot be computed keeps its old one, output that differs between two runs is reported as
nondeterministic instead of recorded, and each file is replaced whole (lessonkit.recordings).
"""

import difflib
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lessonkit import recordings
from lessonkit.constructs import CONSTRUCTS
from lessonkit.constructs.base import Check, WantFigure, WantOutput, WantValue
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.figures.figure import PALETTES, Figure, same
from lessonkit.figures.modules import lesson_figures
from lessonkit.lesson import Lesson
from lessonkit.project import FIGURES, Project
from lessonkit.rules import characters, numbers
from lessonkit.runner import SnippetRun, run_again, run_snippet
from lessonkit.site import Site, Where
from lessonkit.values import compute


class Mode(enum.Enum):
    CHECK = "check"  # compare the recordings with what the code gives now
    RECORD = "record"  # make the recordings what the code gives now


@dataclass
class Verified:
    problems: list[Problem] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)  # recordings written or deleted


class Code:
    """The code's runs for one pass: each snippet and figure module runs once, when first asked for."""

    def __init__(self, project: Project):
        self.project = project
        self._again: dict[str, SnippetRun] = {}

    def run(self, snippet: str) -> SnippetRun:
        """A snippet's run; LessonError at the snippet's line if it cannot run."""
        return run_snippet(snippet, self.project)

    def output(self, snippet: str, section: str) -> str:
        """What a section printed ('' for nothing); LessonError if the snippet cannot run."""
        return self.run(snippet).outputs.get(section, "")

    def figures(self, lesson: str) -> tuple[Figure, ...]:
        return lesson_figures(self.project, lesson)

    def steady(self, snippet: str, section: str | None = None, key: str | None = None) -> bool:
        """Whether a second run in a fresh state prints (or computes) the same: False for an unseeded draw."""
        if snippet not in self._again:
            self._again[snippet] = run_again(snippet, self.project)
        first, second = self.run(snippet), self._again[snippet]
        if section is not None:
            return first.outputs.get(section) == second.outputs.get(section)
        return _computed(first, key) == _computed(second, key)


def verify(site: Site, unit: str, mode: Mode = Mode.CHECK) -> Verified:
    """Check, or record and check, one lesson: its recordings, its snippets and figures, its page."""
    code = Code(site.project)
    done = Verified()
    kept: set[Path] = set()  # recordings that stay because their code cannot run now
    wanted = _wanted(site, unit)
    done.problems += _outputs(site, code, wanted[WantOutput], mode, done, kept)
    done.problems += _values(site, code, wanted[WantValue], mode, done, kept)
    done.problems += _figures(site, code, unit, mode, done, kept)
    done.problems += _stamps(site, code, unit, mode, done, kept)
    done.problems += _stale(site, unit, wanted, kept, mode, done)
    done.problems += _unshown_sections(site, code, unit)
    page = site.page(f"{unit}.md")
    if page is not None:
        done.problems += page_problems(Check(site, code), page)
    done.problems += _unit_files(site.project, unit)
    done.problems = list(dict.fromkeys(done.problems))
    done.changed.sort()
    return done


def page_problems(check: Check, page: Lesson) -> list[Problem]:
    """Everything wrong with a page itself, construct by construct, then by the rules every page keeps."""
    problems = list(page.problems_reading)
    for construct in CONSTRUCTS:
        for node in construct.find(page):
            problems += construct.problems(check, page, node)
        problems += construct.page_problems(check, page)
    problems += numbers.page_problems(page, check.code)
    return problems


# -- what the recordings must hold -------------------------------------------------------------


def _wanted(site: Site, unit: str) -> dict[type, dict]:
    """The recordings of this unit that some page's constructs want, each with where the pages show them."""
    wanted: dict[type, dict] = {WantOutput: {}, WantValue: {}, WantFigure: {}}
    for page in site.lessons:
        for construct in CONSTRUCTS:
            for node in construct.find(page):
                for want in construct.wanted(page, node):
                    if _unit_of(want) == unit:
                        key = (
                            (want.snippet, want.section)
                            if isinstance(want, WantOutput)
                            else (want.ref if isinstance(want, WantValue) else want.figure)
                        )
                        wanted[type(want)].setdefault(key, []).append(want.where)
    return wanted


def _unit_of(want) -> str:
    if isinstance(want, WantFigure):
        return want.figure.split("/")[0]
    snippet = want.snippet if isinstance(want, WantOutput) else want.ref.snippet
    return snippet.split("/")[0]


def _outputs(site, code: Code, wanted: dict, mode: Mode, done: Verified, kept: set) -> list[Problem]:
    problems = []
    for (snippet, section), places in sorted(wanted.items()):
        path = recordings.output_path(site.project, snippet, section)
        try:
            if section not in [s.name for s in code.run(snippet).sections]:
                continue  # the page's own check names the missing section
            printed = code.output(snippet, section)
        except LessonError as error:
            problems.append(error.problem)
            kept.add(path)
            continue
        try:
            recorded = recordings.read_output(path, site.project)
        except LessonError as error:  # when recording, it is written again
            if mode is Mode.CHECK:
                problems.append(error.problem)
                continue
            recorded = None
        if recorded == (printed or None):
            continue
        if printed and not code.steady(snippet, section=section):
            problems += _unsteady(site, snippet, f"section '{section}' prints", places)
            kept.add(path)
        elif mode is Mode.RECORD:
            _write_or_delete(path, printed, done)
        elif not printed:
            message = f"recorded output of a section that no longer prints; run `{RECORD}` to drop it"
            problems.append(Problem(site.project.display(path), 1, message))
        else:
            problems += [_output_changed(site, snippet, section, recorded, printed, where) for where in places]
    return problems


def _output_changed(site, snippet: str, section: str, recorded: str | None, printed: str, where: Where) -> Problem:
    shown = f"{snippet}:{section}"
    if recorded is None:
        path = site.project.display(recordings.output_path(site.project, snippet, section))
        return Problem(where.page, where.line, f"{shown} has no recorded output yet; run `{RECORD}` to create {path}")
    diff = "".join(
        difflib.unified_diff(recorded.splitlines(True), printed.splitlines(True), "shown on the page", "printed now")
    )
    message = (
        f"the output shown for {shown} is not what the code prints now; if the new output is right, "
        f"run `{RECORD}` and review the diff:\n{diff}"
    )
    return Problem(where.page, where.line, message)


def _values(site, code: Code, wanted: dict, mode: Mode, done: Verified, kept: set) -> list[Problem]:
    problems = []
    by_snippet: dict[str, dict] = {}
    for ref, places in wanted.items():
        by_snippet.setdefault(ref.snippet, {})[ref] = places
    for snippet, refs in sorted(by_snippet.items()):
        path = recordings.values_path(site.project, snippet)
        try:
            recorded = recordings.read_values(site.project, snippet)
        except LessonError as error:  # when recording, it is rebuilt
            problems += [error.problem] if mode is Mode.CHECK else []
            recorded = {}
        try:
            run = code.run(snippet)
        except LessonError as error:
            problems.append(error.problem)
            kept.add(path)
            continue
        new = {}
        for ref, places in sorted(refs.items(), key=lambda item: item[0].key):
            try:
                fresh = compute(run.namespace, ref.key)
            except Exception as error:  # a name the snippet does not define, a bad format spec, ...
                problems += [
                    Problem(where.page, where.line, f"{{{{ {ref} }}}} cannot be computed: {error!r}")
                    for where in places
                ]
                if ref.key in recorded:
                    new[ref.key] = recorded[ref.key]  # the old value stays until the placeholder is fixed
                    kept.add(path)
                continue
            old = recorded.get(ref.key)
            if old != fresh and not code.steady(snippet, key=ref.key):
                problems += _unsteady(site, snippet, f"{{{{ {ref} }}}} is", places)
                fresh = old
                kept.add(path)
            elif mode is Mode.CHECK and old is None:
                problems += [
                    Problem(where.page, where.line, f"{{{{ {ref} }}}} has no recorded value; run `{RECORD}`")
                    for where in places
                ]
            elif mode is Mode.CHECK and old != fresh:
                problems += [
                    Problem(
                        where.page,
                        where.line,
                        f"the page shows {{{{ {ref} }}}} as {old!r}, but the code now gives {fresh!r}; "
                        f"check that the sentence around it still holds, then run `{RECORD}`",
                    )
                    for where in places
                ]
            if fresh is not None:
                new[ref.key] = fresh
        stale = sorted(set(recorded) - {ref.key for ref in refs})
        if mode is Mode.RECORD:
            if _readable(path, site.project) != recordings.values_text(new):
                _write_or_delete(path, recordings.values_text(new), done)
        elif stale:
            message = f"values no page quotes any more: {stale}; run `{RECORD}` to drop them"
            problems.append(Problem(site.project.display(path), 1, message))
    return problems


def _figures(site, code: Code, unit: str, mode: Mode, done: Verified, kept: set) -> list[Problem]:
    project = site.project
    module = project.snippets_dir / FIGURES / f"{unit}.py"
    if not module.is_file():
        return []
    try:
        figures = code.figures(unit)
    except LessonError as error:
        kept.update(path for path in recordings.lesson_recordings(project, unit) if "figures" in path.parts)
        return [error.problem]
    problems = []
    for figure in figures:
        name = f"{unit}/{figure.name}"
        places = site.figures_shown.get(name, [])
        if not places:
            message = f"figure '{figure.name}' is on no page: show it with {{{{ figure {name} }}}} or delete it"
            problems.append(Problem(project.display(module), 1, message))
        problems += _figure(project, figure, name, places, mode, done)
    return problems


def _figure(
    project: Project, figure: Figure, name: str, places: list[Where], mode: Mode, done: Verified
) -> list[Problem]:
    path = recordings.figure_path(project, name)
    try:
        content = recordings.read_figure(project, name)
    except LessonError as error:
        if mode is Mode.CHECK:
            return [error.problem]
        content = None
    if content is None or not same(content, figure.recording):
        if mode is Mode.CHECK:
            if content is None:
                return [Problem(project.display(path), 1, f"figure {name} is not recorded yet; run `{RECORD}`")]
            what = "another alt text" if content.get("alt") != figure.alt else "other numbers or labels"
            message = (
                f"figure {name} now shows {what} than {project.display(path)} records: the lesson's computation "
                f"changed. If the new figure is right, run `{RECORD}` (it re-draws the picture) and look at it"
            )
            return [Problem(where.page, where.line, message) for where in places] or [
                Problem(project.display(path), 1, message)
            ]
        _write_or_delete(path, recordings.figure_text(figure.recording), done)
    text = path.read_text(encoding="utf-8")
    problems = []
    for palette in PALETTES:
        svg_path = recordings.svg_path(project, name, palette.name)
        try:
            svg = recordings.read_svg(svg_path, project)
        except LessonError as error:  # not UTF-8: drawn again when recording
            if mode is Mode.CHECK:
                problems.append(error.problem)
                continue
            svg = None
        stamp = figure.stamp(text, palette)
        if svg is not None and recordings.svg_stamp(svg) == stamp and recordings.svg_intact(svg):
            continue
        if mode is Mode.RECORD:
            try:
                drawn = recordings.stamp_svg(
                    figure.draw(recordings.read_figure(project, name), palette), project.display(path), stamp
                )
            except Exception as error:
                problems.append(Problem(project.display(svg_path), 1, f"cannot draw {name}: {error}"))
                continue  # the old picture stays, and is reported as out of date until it is drawn
            _write_or_delete(svg_path, drawn, done)
            continue
        if svg is None:
            state = "is missing"
        elif recordings.svg_stamp(svg) != stamp:
            state = f"was not drawn from {project.display(path)} by the current code"
        else:
            state = "was edited after it was drawn (a label or number changed by hand)"
        message = f"this picture {state}; run `{RECORD}` to draw it (graphs need Graphviz's `dot`)"
        problems.append(Problem(project.display(svg_path), 1, message))
    return problems


def _stamps(site, code: Code, unit: str, mode: Mode, done: Verified, kept: set) -> list[Problem]:
    """Which code the lesson's recordings came from: `mkdocs serve` marks a page whose code has changed since.

    A snippet whose recordings were kept (it failed, or printed something else at each run) keeps its old
    stamp: its recordings did not come from the code as it is now.
    """
    project = site.project
    snippets = [path for path in project.snippet_files() if path.parent.name == unit]
    path = recordings.stamps_path(project, unit)
    if not snippets:
        return []
    fresh = {
        p.relative_to(project.snippets_dir).as_posix(): recordings.digest(p.read_text(encoding="utf-8"))
        for p in snippets
    }
    try:
        recorded = recordings.read_stamps(project, unit)
    except LessonError as error:
        recorded = None if mode is Mode.RECORD else error
        if recorded is not None:
            return [error.problem]
    if recorded == fresh:
        return []
    if mode is Mode.RECORD:
        for snippet in list(fresh):
            if not _recorded_whole(code, snippet, kept):
                if (recorded or {}).get(snippet) is None:
                    del fresh[snippet]
                else:
                    fresh[snippet] = recorded[snippet]
        if fresh != recorded:
            _write_or_delete(path, recordings.values_text(fresh) if fresh else None, done)
        return []
    changed = sorted(snippet for snippet in fresh if (recorded or {}).get(snippet) != fresh[snippet])
    message = (
        f"the code changed since it was recorded ({', '.join(changed) or 'snippets removed'}); run `{RECORD} -k {unit}`"
    )
    return [Problem(project.display(path), 1, message)]


def _recorded_whole(code: Code, snippet: str, kept: set) -> bool:
    """Whether a snippet runs and every recording of it was made from this run."""
    try:
        code.run(snippet)
    except LessonError:
        return False
    folder = recordings.values_path(code.project, snippet).parent
    return not any(path.parent == folder for path in kept)


def _stale(site, unit: str, wanted: dict, kept: set, mode: Mode, done: Verified) -> list[Problem]:
    """Recordings that no construct wants any more: a section removed, a figure no module defines."""
    project = site.project
    live = {recordings.output_path(project, s, n) for s, n in wanted[WantOutput]}
    live |= {recordings.values_path(project, ref.snippet) for ref in wanted[WantValue]}
    live.add(recordings.stamps_path(project, unit))
    try:
        for figure in lesson_figures(project, unit):
            name = f"{unit}/{figure.name}"
            live.add(recordings.figure_path(project, name))
            live |= {recordings.svg_path(project, name, palette.name) for palette in PALETTES}
    except LessonError:
        pass  # reported with the figures; their recordings are kept
    problems = []
    for path in recordings.lesson_recordings(project, unit):
        if path in live or path in kept:
            continue
        if mode is Mode.RECORD:
            _write_or_delete(path, None, done)
        else:
            message = (
                "a recording nothing on the site shows any more (its section, value or figure is gone); "
                f"run `{RECORD}` to drop it"
            )
            problems.append(Problem(project.display(path), 1, message))
    return problems


def _unshown_sections(site, code: Code, unit: str) -> list[Problem]:
    problems = []
    for path in site.project.snippet_files():
        if path.parent.name != unit:
            continue
        target = path.relative_to(site.project.snippets_dir).as_posix()
        try:
            sections = code.run(target).sections
        except LessonError as error:
            problems.append(error.problem)
            continue
        for section in sections:
            if (target, section.name) not in site.shown_sections:
                message = f"section '{section.name}' is on no page: include it in a lesson or delete it"
                problems.append(Problem(site.project.display(path), section.first_line - 1, message))
    return problems


def _unit_files(project: Project, unit: str) -> list[Problem]:
    """Rules on the lesson's own files: no hidden characters anywhere, no number typed into printed text."""
    code = [path for path in project.snippet_files() if path.parent.name == unit]
    module = project.snippets_dir / FIGURES / f"{unit}.py"
    code += [module] if module.is_file() else []
    files = [*code, project.docs_dir / f"{unit}.md", project.root / "tests" / "lessons" / f"test_{unit}.py"]
    files += [path for path in recordings.lesson_recordings(project, unit) if path.suffix != ".svg"]
    problems = characters.check_files(project, [path for path in files if path.is_file()])
    for path in code:
        problems += numbers.code_problems(project, path)
    return problems


def _unsteady(site, snippet: str, what: str, places: Iterable[Where]) -> list[Problem]:
    message = (
        f"{what} something else each time {snippet} runs: it is nondeterministic, so no recording can hold it. "
        "Seed its random draws (a torch.Generator with manual_seed, passed to each draw), or print less"
    )
    return [Problem(where.page, where.line, message) for where in places]


def _computed(run: SnippetRun, key: str) -> str | None:
    try:
        return compute(run.namespace, key)
    except Exception:
        return None


def _readable(path: Path, project: Project) -> str | None:
    """A recording's text; None if there is none or it cannot be read (it is written again)."""
    try:
        return recordings.read_output(path, project)
    except LessonError:
        return None


def _write_or_delete(path: Path, text: str | None, done: Verified) -> None:
    if text:
        recordings.write(path, text)
    elif path.exists():
        path.unlink()
    else:
        return
    done.changed.append(path)
