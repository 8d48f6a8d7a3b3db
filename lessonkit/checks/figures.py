"""Figures show what the code computes now: recorded content, SVGs stamped from it, and each one on a page.

Nothing is drawn here, so these checks need neither Graphviz nor any particular font.
"""

from lessonkit import recordings
from lessonkit.errors import RECORD, LessonError, Problem
from lessonkit.figures.figure import PALETTES, Figure, same
from lessonkit.figures.modules import figure_lessons, lesson_figures
from lessonkit.lesson import Lesson, load_all
from lessonkit.project import Project
from lessonkit.syntax import CAPTION, Directive


def check(lesson: Lesson) -> list[Problem]:
    """Each figure the page shows is recorded as its code computes it now, drawn from that, and captioned."""
    problems = []
    for directive in lesson.directives("figure"):
        problems += _caption(lesson, directive)
        lesson_name, name = directive.figure.split("/")
        try:
            figure = next((f for f in lesson_figures(lesson.project, lesson_name) if f.name == name), None)
        except LessonError as error:
            problems.append(error.problem)
            continue
        if figure is None:
            message = f"no figure '{directive.figure}': snippets/figures/{lesson_name}.py does not define '{name}'"
            problems.append(Problem(lesson.name, directive.line, message))
            continue
        problems += [
            Problem(lesson.name, directive.line, problem.message) if problem.file.endswith(".json") else problem
            for problem in recorded(lesson.project, directive.figure, figure)
        ]
    return problems + _pasted(lesson)


def recorded(project: Project, name: str, figure: Figure) -> list[Problem]:
    """The figure's recording shows what it computes now, and each SVG was drawn from that recording."""
    path = recordings.figure_path(project, name)
    try:
        content = recordings.read_figure(project, name)
    except LessonError as error:
        return [error.problem]
    if content is None:
        return [Problem(project.display(path), 1, f"figure {name} is not recorded yet; run `{RECORD}`")]
    if not same(content, figure.recording):
        what = "another alt text" if content.get("alt") != figure.alt else "other numbers or labels"
        message = (
            f"figure {name} now shows {what} than {project.display(path)} records: the lesson's computation "
            f"changed. If the new figure is right, run `{RECORD}` (it re-draws the picture) and look at it"
        )
        return [Problem(project.display(path), 1, message)]
    text = path.read_text(encoding="utf-8")
    problems = []
    for palette in PALETTES:
        svg_path = recordings.svg_path(project, name, palette.name)
        svg = recordings.read_svg(svg_path)
        if svg is None or recordings.svg_stamp(svg) != figure.stamp(text, palette):
            state = "is missing" if svg is None else f"was not drawn from {project.display(path)} by the current code"
            message = f"this picture {state}; run `{RECORD}` to draw it (graphs need Graphviz's `dot`)"
            problems.append(Problem(project.display(svg_path), 1, message))
    return problems


def check_project(project: Project) -> list[Problem]:
    """Every figure a module defines is on a page, and no recorded figure outlives its definition."""
    shown = {directive.figure for lesson in load_all(project) for directive in lesson.directives("figure")}
    problems, defined = [], set()
    for lesson in figure_lessons(project):
        module = f"snippets/figures/{lesson}.py"
        try:
            figures = lesson_figures(project, lesson)
        except LessonError as error:
            problems.append(error.problem)
            # Its recordings stay until the module can be read again.
            defined |= {
                recordings.figure_of(path) for path in recordings.figure_files(project) if path.parent.name == lesson
            }
            continue
        for figure in figures:
            name = f"{lesson}/{figure.name}"
            defined.add(name)
            if name not in shown:
                message = f"figure '{figure.name}' is on no page: show it with {{{{ figure {name} }}}} or delete it"
                problems.append(Problem(module, 1, message))
    for path in recordings.figure_files(project):
        if recordings.figure_of(path) not in defined:
            message = f"no figure module defines this figure any more; run `{RECORD}` to delete it"
            problems.append(Problem(project.display(path), 1, message))
    return problems


def _caption(lesson: Lesson, directive: Directive) -> list[Problem]:
    """A caption block must follow the figure: it tells the reader what to look at."""
    lines = lesson.parsed.lines
    following = lines[directive.line] if directive.line < len(lines) else ""
    if following.strip() == CAPTION:  # the opening marker, right under the figure
        return []
    indent = directive.text[: len(directive.text) - len(directive.text.lstrip())]
    caption = f"{indent}{CAPTION}\n{indent}...\n{indent}///"
    message = f"give the figure a caption that says what to look at, right under it:\n{caption}"
    return [Problem(lesson.name, directive.line, message)]


def _pasted(lesson: Lesson) -> list[Problem]:
    """A recorded figure shown with image markup typed by hand: its alt text and size would go stale."""
    problems = []
    for link in lesson.links:
        target = lesson.relative(link.target.partition("#")[0])
        if link.image and target.startswith("figures/") and target.endswith(".svg"):
            figure = recordings.figure_of(target)
            message = (
                f"a recorded figure is shown by hand: write {{{{ figure {figure} }}}}, which fills in its alt text"
            )
            problems.append(Problem(lesson.name, link.line, message, link.start + 1))
    return problems
